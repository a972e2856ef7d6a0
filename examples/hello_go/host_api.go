package main

import (
	"fmt"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "polyplug.dev/examples/hello_go/gen/polyplug/v1"
)

// dialHostAPI connects to the host's PluginAPI on the private socket it gave us.
func dialHostAPI() (pb.PluginAPIClient, error) {
	target := os.Getenv("MATTERMOST_PLUGIN_API_TARGET")
	if target == "" {
		return nil, fmt.Errorf("MATTERMOST_PLUGIN_API_TARGET is not set: this plugin must be started by a Polyplug server")
	}
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, fmt.Errorf("dial host API %s: %w", target, err)
	}
	return pb.NewPluginAPIClient(conn), nil
}
