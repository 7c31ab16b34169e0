package persistence

import (
	"context"
	"errors"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
)

// Two data folders each have a channel 1; their API keys must not
// overwrite each other in the one system keyring.
func TestWorkspacesKeepTheirKeysApart(t *testing.T) {
	keyring.MockInit()
	a := NewKeyringSecrets().ForWorkspace("aaaa1111")
	b := NewKeyringSecrets().ForWorkspace("bbbb2222")
	if err := a.SetAPIKey(1, "KEY-of-folder-A"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetAPIKey(1, "KEY-of-folder-B"); err != nil {
		t.Fatal(err)
	}
	if k, err := a.APIKey(1); err != nil || k != "KEY-of-folder-A" {
		t.Fatalf("folder A reads %q, %v", k, err)
	}
	if err := b.DeleteAPIKey(1); err != nil {
		t.Fatal(err)
	}
	if k, err := a.APIKey(1); err != nil || k != "KEY-of-folder-A" {
		t.Fatalf("removing folder B's channel took folder A's key: %q, %v", k, err)
	}
}

// A key an older Parley stored under the plain name is found and moved to
// the workspace's name.
func TestOlderKeyMovesToTheWorkspaceName(t *testing.T) {
	keyring.MockInit()
	plain := NewKeyringSecrets()
	if err := plain.SetAPIKey(3, "KEY-from-0.1"); err != nil {
		t.Fatal(err)
	}
	ws := plain.ForWorkspace("cccc3333")
	if k, err := ws.APIKey(3); err != nil || k != "KEY-from-0.1" {
		t.Fatalf("the older key was not found: %q, %v", k, err)
	}
	if _, err := plain.APIKey(3); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("the plain entry was left behind: %v", err)
	}
	if k, err := ws.APIKey(3); err != nil || k != "KEY-from-0.1" {
		t.Fatalf("after the move: %q, %v", k, err)
	}
}

func TestEachDataFolderHasItsOwnLastingWorkspaceID(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.WorkspaceID(ctx)
	if err != nil || len(first) != 16 {
		t.Fatalf("workspace id %q, %v", first, err)
	}
	s.Close()
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.WorkspaceID(ctx)
	s.Close()
	other, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	second, _ := other.WorkspaceID(ctx)
	if again != first || second == first {
		t.Fatalf("ids %q, %q (reopened), %q (another folder)", first, again, second)
	}
}
