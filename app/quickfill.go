package app

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// QuickReplyVariable is a variable a quick reply's text may hold, written
// {{Name}}: it takes the value of the template variable Source for the
// customer (see Variable), so quick replies and templates fill the same
// way.
type QuickReplyVariable struct {
	Name   string // as written between the braces, e.g. "name"
	Noun   string // what of the customer it stands for, e.g. "name"
	Source VariableSource
}

// QuickReplyVariables are the variables quick replies know.
var QuickReplyVariables = []QuickReplyVariable{
	{Name: "name", Noun: "name", Source: VarContactName},
	{Name: "number", Noun: "number", Source: VarContactPhone},
}

// quickVar matches a {{word}} in a quick reply's text.
var quickVar = regexp.MustCompile(`\{\{\s*([^{}\s]*)\s*\}\}`)

// quickReplyVariable returns the variable called name (any case).
func quickReplyVariable(name string) (QuickReplyVariable, bool) {
	for _, v := range QuickReplyVariables {
		if strings.EqualFold(v.Name, name) {
			return v, true
		}
	}
	return QuickReplyVariable{}, false
}

// unknownQuickReplyVariable returns the first {{…}} in text that is no
// QuickReplyVariable, or "".
func unknownQuickReplyVariable(text string) string {
	for _, m := range quickVar.FindAllStringSubmatch(text, -1) {
		if _, ok := quickReplyVariable(m[1]); !ok {
			return m[0]
		}
	}
	return ""
}

// quickReplyVariableList names the variables for a sentence: "{{name}}
// (the customer's name) or {{number}} (…)".
func quickReplyVariableList() string {
	parts := make([]string, len(QuickReplyVariables))
	for i, v := range QuickReplyVariables {
		parts[i] = fmt.Sprintf("{{%s}} (the customer's %s)", v.Name, v.Noun)
	}
	return strings.Join(parts, " or ")
}

// FilledQuickReply is a quick reply's text filled for one customer.
type FilledQuickReply struct {
	// Text is what goes into the composer. A variable without a value
	// for this customer stays in it as written ("{{name}}"), so the owner
	// sees it and replaces it: it is never sent silently empty.
	Text string
	// Missing names, as written, the variables left in Text.
	Missing []string
}

// FillQuickReply fills the variables of r's text for the conversation's
// customer.
func (c *QuickReplyUseCases) FillQuickReply(ctx context.Context, conversationID int64, r QuickReply) (FilledQuickReply, error) {
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return FilledQuickReply{}, fmt.Errorf("fill quick reply %q: %w", r.Title, err)
	}
	return fillQuickReply(r.Text, cv), nil
}

// fillQuickReply fills text's variables from cv.
func fillQuickReply(text string, cv Conversation) FilledQuickReply {
	var out FilledQuickReply
	out.Text = quickVar.ReplaceAllStringFunc(text, func(tok string) string {
		name := quickVar.FindStringSubmatch(tok)[1]
		v, ok := quickReplyVariable(name)
		if !ok {
			return tok
		}
		if val := strings.TrimSpace(Variable{Source: v.Source}.valueFor(cv)); val != "" {
			return val
		}
		out.Missing = append(out.Missing, tok)
		return tok
	})
	return out
}

// MissingVariablesMessage says which variables a filled quick reply left
// for the owner to replace, or "" when none.
func (f FilledQuickReply) MissingVariablesMessage() string {
	if len(f.Missing) == 0 {
		return ""
	}
	return fmt.Sprintf("Parley does not know this customer's %s: replace %s before sending.",
		missingNoun(f.Missing[0]), f.Missing[0])
}

// missingNoun is what of the customer the variable written tok stands
// for.
func missingNoun(tok string) string {
	if m := quickVar.FindStringSubmatch(tok); m != nil {
		if v, ok := quickReplyVariable(m[1]); ok {
			return v.Noun
		}
	}
	return tok
}
