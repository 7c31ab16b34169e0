package app

import (
	"archive/zip"
	"io"
)

// ExportFiles writes exports and backups to the folders the owner chose,
// and reads the files that go into them.
type ExportFiles interface {
	// Create makes a new file at path (and its folder). What is written
	// appears under path only on Commit, flushed to the disk; Abort (or
	// a crash) leaves no file there.
	Create(path string) (ExportFile, error)
	// Open opens the file at path for reading; a missing file's error
	// wraps fs.ErrNotExist.
	Open(path string) (io.ReadCloser, error)
	// Walk calls fn with every regular file below root: its path relative
	// to root, with forward slashes, and its size. A missing root has no
	// files.
	Walk(root string, fn func(rel string, size int64) error) error
	// Exists reports whether anything is at path.
	Exists(path string) bool
	// RemoveAll removes path and everything below it.
	RemoveAll(path string) error
	// MkdirAll creates the folder dir and those above it.
	MkdirAll(dir string) error
	// OpenZip opens the zip file at path for reading.
	OpenZip(path string) (*zip.ReadCloser, error)
}

// ExportFile is a file being written by ExportFiles.Create.
type ExportFile interface {
	io.Writer
	// Commit flushes the file to the disk and puts it under its name.
	Commit() error
	// Abort removes what was written; after Commit it does nothing.
	Abort()
}
