// Command pecheck checks the Windows build of Parley: a 64-bit PE32+
// executable for the Windows GUI subsystem (no console window), with an
// icon and a version block holding the expected version. The packaging
// test (scripts/package-test.sh) runs it on the cross-compiled .exe.
//
//	go run ./internal/tools/pecheck [-version 0.1.0.1] Parley.exe
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	version := flag.String("version", "", "version the version block must hold, as x.y.z.build")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-version x.y.z.build] file.exe")
		os.Exit(2)
	}
	path := flag.Arg(0)
	r, err := check(path, *version)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", path, err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s: PE32+ x86-64 Windows GUI executable, resource types %v, version %s\n", path, r.Resources, *version)
}
