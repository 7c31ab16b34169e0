// Package backup is the Settings section where the owner exports
// conversations and contacts, backs up everything Parley keeps on this
// computer into one file, and restores from such a file.
package backup

import (
	"context"

	"github.com/parley-app/parley/app"
)

// Core is the part of the core (*app.Core) the section uses. Tests may
// pass a fake.
type Core interface {
	BackUp(ctx context.Context, dst string, progress app.BackupProgress) (app.BackupResult, error)
	StageRestore(ctx context.Context, src string, progress app.BackupProgress) (app.RestoreInfo, error)
	ExportAllConversations(ctx context.Context, dir string, progress app.ExportProgress) (string, error)
	ExportContacts(ctx context.Context, path string) (int, error)
}
