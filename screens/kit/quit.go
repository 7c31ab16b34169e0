package kit

import "fyne.io/fyne/v2"

// Quit ends Parley's window loop, the way Fyne's own SIGTERM handler
// does: it stops the driver without closing the windows first. Fyne
// 2.7's App.Quit marks every window as closing before the loop stops,
// and a mouse move GLFW delivers in between then crashes Fyne on the
// closed window's nil handle (fyne-io/fyne#5981): a start followed
// soon by a quit died that way about one time in ten under Xvfb. The
// windows go with the driver when it terminates.
func Quit(a fyne.App) { a.Driver().Quit() }
