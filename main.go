// Command parley is Parley, a desktop app for running a WhatsApp Business
// number connected through 360dialog. main reads the flags, opens the data
// folder and shows the main window; everything else lives in app,
// persistence and screens.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/internal/instance"
	"github.com/parley-app/parley/internal/logfile"
	"github.com/parley-app/parley/internal/services"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens"
	"github.com/parley-app/parley/screens/kit"
)

// version is Parley's version; release builds set it from FyneApp.toml
// with -ldflags "-X main.version=…".
var version = "0.1.0"

// appID is the reverse-DNS id of FyneApp.toml.
const appID = "app.parley.desktop"

//go:embed Icon.png
var iconPNG []byte

func main() { os.Exit(run()) }

func run() int {
	dataDir := flag.String("data", "", "folder for Parley's data (default "+defaultDataDir(false)+")")
	showVersion := flag.Bool("version", false, "print the version and exit")
	demoMode := flag.Bool("demo", false, "open the demo workspace, which needs no 360dialog account")
	headless := flag.Bool("headless", false, "receive messages and sync without a window (for an always-on computer)")
	listen := flag.String("listen", services.DefaultReceiverAddr, "address of the webhook receiver (keep it on 127.0.0.1 and use a tunnel)")
	keysFile := flag.String("keys-file", "", "with --headless only: read the API keys from this file instead of the system keyring, for a computer without one (see README)")
	inTray := flag.Bool("tray", false, "start with the window hidden in the system tray, as when Parley starts with the computer (without a tray the window shows)")
	flag.Parse()
	if *showVersion {
		fmt.Println("Parley", version)
		return 0
	}
	dir := *dataDir
	if dir == "" {
		dir = defaultDataDir(*demoMode)
	}

	if *headless {
		return runHeadless(dir, *listen, *keysFile)
	}
	if *keysFile != "" {
		fmt.Fprintln(os.Stderr, "parley: --keys-file works only with --headless; the window keeps API keys in the system keyring.")
		return 2
	}

	// One window per data folder: a second start brings the first to the
	// front and quits.
	guard, other := claimFolder(dir, instance.Window)
	if other != nil && other.Kind == instance.Window {
		return windowAlreadyOpen(dir)
	}
	if guard != nil {
		defer guard.Close()
	}

	a := fyneapp.NewWithID(appID)
	quitOnSignal(a)
	icon := fyne.NewStaticResource("Icon.png", iconPNG)
	a.SetIcon(icon)
	a.Settings().SetTheme(screens.NewTheme())

	if other != nil {
		return fail(a, "Parley is already running for this folder", headlessElsewhere(dir), other)
	}
	logs, err := openDataFolder(dir)
	if err != nil {
		return fail(a, "Parley cannot use its data folder",
			"Parley keeps your channels and messages in "+dir+". Check that this folder can be created and written to, or start Parley with --data and another folder.", err)
	}
	defer logs.Close()
	slog.SetDefault(slog.New(slog.NewTextHandler(logOutput(logs), nil)))
	slog.Info("parley starting", "version", version, "data", dir, "demo", *demoMode)

	ws := &windowStart{a: a, dir: dir, demo: *demoMode, listen: *listen, ownFolder: *dataDir == "",
		inTray: *inTray, guard: guard}
	go ws.open()
	a.Run()
	ws.stop()
	slog.Info("parley stopped")
	return ws.code
}

// providerOptions configures the 360dialog client. PARLEY_360DIALOG_URL
// points it at another host (a local emulator during development).
func providerOptions() []dialog360.Option {
	opts := []dialog360.Option{dialog360.WithLogger(slog.Default())}
	if u := os.Getenv("PARLEY_360DIALOG_URL"); u != "" {
		opts = append(opts, dialog360.WithBaseURL(u))
	}
	return opts
}

// defaultDataDir is the OS user config dir + "/parley", with "-demo" added
// for the demo workspace.
func defaultDataDir(demo bool) string {
	base, err := os.UserConfigDir()
	if err != nil {
		base = "."
	}
	dir := filepath.Join(base, "parley")
	if demo {
		dir += "-demo"
	}
	return dir
}

// quitOnSignal stops Parley cleanly on SIGINT or SIGTERM from the start:
// Fyne's own handler is installed only once the window is already up.
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		fyne.Do(func() { kit.Quit(a) })
	}()
}

// logOutput is the log file, and the terminal too when Parley was started
// from one.
func logOutput(f *logfile.File) io.Writer {
	if info, err := os.Stderr.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
		return io.MultiWriter(f, os.Stderr)
	}
	return f
}

// demoProblem is the advice when the demo workspace cannot start.
func demoProblem(dir string) string {
	return "Parley could not prepare the demo workspace in " + dir + ". Start the demo again; if this keeps happening, send parley.log from that folder to support."
}

// tryDemo opens the demo workspace in a second Parley window (a new
// process started with --demo); this one stays open.
func tryDemo() {
	exe, err := os.Executable()
	if err != nil {
		slog.Error("try the demo: find Parley's program file", "err", err)
		return
	}
	cmd := exec.Command(exe, "--demo")
	if err := cmd.Start(); err != nil {
		slog.Error("try the demo: start Parley with --demo", "err", err)
		return
	}
	slog.Info("demo workspace opened", "pid", cmd.Process.Pid)
	go func() { _ = cmd.Wait() }() // reap it when it quits
}

// openProblem explains why the data could not be opened.
func openProblem(err error, dir string) (headline, advice string) {
	if errors.Is(err, persistence.ErrSchemaTooNew) {
		return "This data belongs to a newer Parley",
			"The data in " + dir + " was saved by a newer version of Parley. Install the latest version of Parley to open it. Nothing was changed."
	}
	return "Parley cannot open its data",
		"Parley could not open the data in " + dir + ". Check that the folder exists and that you may write to it, then start Parley again."
}

// fail shows a plain error window instead of the main window.
func fail(a fyne.App, headline, advice string, err error) int {
	logFailure(headline, err)
	screens.NewStartupErrorWindow(a, headline, advice, err).ShowAndRun()
	return 1
}

// logFailure tells the terminal why Parley cannot start.
func logFailure(headline string, err error) {
	fmt.Fprintln(os.Stderr, "parley:", headline+":", err)
}
