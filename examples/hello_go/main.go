// hello_go is a Polyplug plugin written as a stock hashicorp/go-plugin gRPC binary: go-plugin
// does the handshake, health, AutoMTLS, stdio and controller; this code only serves the
// polyplug.v1.PluginHooks service and calls the host's PluginAPI back.
package main

import (
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
)

// handshake matches Mattermost's go-plugin handshake (and so Polyplug's host).
var handshake = plugin.HandshakeConfig{
	ProtocolVersion:  1,
	MagicCookieKey:   "MATTERMOST_PLUGIN",
	MagicCookieValue: "Securely message teams, anywhere.",
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: handshake,
		Plugins:         plugin.PluginSet{"hooks": &hooksPlugin{}},
		GRPCServer: func(opts []grpc.ServerOption) *grpc.Server {
			// Only the host holds our secret: refuse hook calls from anyone else.
			return grpc.NewServer(append(opts, grpc.ChainUnaryInterceptor(requireHostSecret), grpc.ChainStreamInterceptor(requireHostSecretStream))...)
		},
	})
}
