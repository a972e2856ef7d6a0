package main

import (
	"context"

	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	pb "polyplug.dev/examples/hello_go/gen/polyplug/v1"
)

// hooksPlugin registers the hooks server on go-plugin's gRPC server. The host never dispenses
// it through go-plugin (Polyplug dials the service directly), so GRPCClient is unused.
type hooksPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (p *hooksPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	api, err := dialHostAPI()
	if err != nil {
		return err
	}
	pb.RegisterPluginHooksServer(s, &hooks{api: api})
	return nil
}

func (p *hooksPlugin) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return nil, nil
}
