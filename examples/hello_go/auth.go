package main

import (
	"context"
	"crypto/subtle"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

const hooksService = "/polyplug.v1.PluginHooks/"

// secretMetadata is what every call to the host API, and every hook call from the host, carries.
func secretMetadata(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+os.Getenv("MATTERMOST_PLUGIN_API_SECRET"))
}

func checkSecret(ctx context.Context, method string) error {
	if !strings.HasPrefix(method, hooksService) {
		return nil // go-plugin's own services (health, controller, stdio, broker)
	}
	md, _ := metadata.FromIncomingContext(ctx)
	want := "Bearer " + os.Getenv("MATTERMOST_PLUGIN_API_SECRET")
	got := md.Get("authorization")
	if len(got) != 1 || subtle.ConstantTimeCompare([]byte(got[0]), []byte(want)) != 1 {
		return status.Error(codes.Unauthenticated, "missing or wrong plugin secret")
	}
	return nil
}

func requireHostSecret(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, next grpc.UnaryHandler) (interface{}, error) {
	if err := checkSecret(ctx, info.FullMethod); err != nil {
		return nil, err
	}
	return next(ctx, req)
}

func requireHostSecretStream(srv interface{}, ss grpc.ServerStream, info *grpc.StreamServerInfo, next grpc.StreamHandler) error {
	if err := checkSecret(ss.Context(), info.FullMethod); err != nil {
		return err
	}
	return next(srv, ss)
}
