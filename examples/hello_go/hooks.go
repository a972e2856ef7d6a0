package main

import (
	"context"
	"fmt"
	"strings"

	"google.golang.org/protobuf/types/known/structpb"

	pb "polyplug.dev/examples/hello_go/gen/polyplug/v1"
)

// hooks implements the three hooks this plugin lists in Implemented.
type hooks struct {
	pb.UnimplementedPluginHooksServer
	api pb.PluginAPIClient
}

func (h *hooks) Implemented(context.Context, *pb.ImplementedRequest) (*pb.ImplementedResponse, error) {
	return &pb.ImplementedResponse{Hooks: []string{"OnActivate", "MessageWillBePosted"}}, nil
}

func (h *hooks) OnActivate(ctx context.Context, _ *pb.OnActivateRequest) (*pb.OnActivateResponse, error) {
	ctx = secretMetadata(ctx)
	version, err := h.api.GetServerVersion(ctx, &pb.GetServerVersionRequest{})
	if err != nil {
		return nil, err
	}
	if _, err := h.api.KVSet(ctx, &pb.KVSetRequest{Key: "activated_on", Value: []byte(version.Version)}); err != nil {
		return nil, err
	}
	fields, _ := structpb.NewStruct(map[string]interface{}{"language": "go"})
	_, _ = h.api.LogInfo(ctx, &pb.LogInfoRequest{Message: "hello from Go", Fields: fields})
	fmt.Println("go plugin stdout after the handshake") // reaches the host through go-plugin's GRPCStdio
	return &pb.OnActivateResponse{}, nil
}

// MessageWillBePosted refuses posts that tell the gopher to go away, and signs the others.
func (h *hooks) MessageWillBePosted(_ context.Context, req *pb.MessageWillBePostedRequest) (*pb.MessageWillBePostedResponse, error) {
	if strings.Contains(strings.ToLower(req.Post.GetMessage()), "go away") {
		return &pb.MessageWillBePostedResponse{RejectionReason: "the gopher stays"}, nil
	}
	post := req.Post
	post.Message += " (checked by Go)"
	return &pb.MessageWillBePostedResponse{Post: post}, nil
}
