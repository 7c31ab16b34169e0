package autostart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// launchAgent is the text of e's LaunchAgent property list (see
// launchd.plist(5)): launchd starts ProgramArguments at login
// (RunAtLoad), only in a graphical session (LimitLoadToSessionType Aqua),
// with an app's resource limits (ProcessType Interactive). Without
// KeepAlive it does not restart the program when the owner quits it.
// AssociatedBundleIdentifiers lets System Settings → Login Items show
// the app's name beside the entry.
func launchAgent(e Entry) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">` + "\n")
	b.WriteString("<plist version=\"1.0\">\n<dict>\n")
	key := func(k string) { fmt.Fprintf(&b, "\t<key>%s</key>\n", k) }
	str := func(indent, s string) { fmt.Fprintf(&b, "%s<string>%s</string>\n", indent, xmlText(s)) }
	key("Label")
	str("\t", e.ID)
	key("ProgramArguments")
	b.WriteString("\t<array>\n")
	for _, a := range append([]string{e.Exec}, e.Args...) {
		str("\t\t", a)
	}
	b.WriteString("\t</array>\n")
	key("RunAtLoad")
	b.WriteString("\t<true/>\n")
	key("LimitLoadToSessionType")
	str("\t", "Aqua")
	key("ProcessType")
	str("\t", "Interactive")
	key("AssociatedBundleIdentifiers")
	str("\t", e.ID)
	b.WriteString("</dict>\n</plist>\n")
	return b.Bytes()
}

// xmlText escapes s for XML character data.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return b.String()
}

// plistNode is an element of a property list, with its text and children.
type plistNode struct {
	XMLName  xml.Name
	Text     string      `xml:",chardata"`
	Children []plistNode `xml:",any"`
}

// agentInfo is what Enabled needs from a LaunchAgent.
type agentInfo struct {
	Program  []string // ProgramArguments
	Disabled bool     // Disabled is true
}

// readLaunchAgent reads a property list's top dictionary: a <key>
// followed by its value, in turn.
func readLaunchAgent(data []byte) (agentInfo, error) {
	var doc struct {
		Dict plistNode `xml:"dict"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return agentInfo{}, err
	}
	var info agentInfo
	items := doc.Dict.Children
	for i := 0; i+1 < len(items); i += 2 {
		if items[i].XMLName.Local != "key" {
			return agentInfo{}, fmt.Errorf("a <%s> stands where a <key> should", items[i].XMLName.Local)
		}
		value := items[i+1]
		switch strings.TrimSpace(items[i].Text) {
		case "ProgramArguments":
			for _, s := range value.Children {
				info.Program = append(info.Program, s.Text)
			}
		case "Disabled":
			info.Disabled = value.XMLName.Local == "true"
		}
	}
	return info, nil
}
