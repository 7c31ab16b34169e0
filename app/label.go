package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Label is one of the owner's coloured labels ("Paid", "Order"), which
// they put on conversations. Labels belong to the shop, not to a channel.
type Label struct {
	ID    int64
	Name  string
	Color LabelColor
}

// LabelColor names a colour of the labels' small palette; the screens
// pick the shade for the light and the dark theme.
type LabelColor string

// The label palette.
const (
	LabelBlue   LabelColor = "blue"
	LabelGreen  LabelColor = "green"
	LabelTeal   LabelColor = "teal"
	LabelYellow LabelColor = "yellow"
	LabelOrange LabelColor = "orange"
	LabelRed    LabelColor = "red"
	LabelPink   LabelColor = "pink"
	LabelPurple LabelColor = "purple"
	LabelGray   LabelColor = "gray"
)

// LabelColors is the palette, in the order a colour picker shows it.
var LabelColors = []LabelColor{LabelBlue, LabelGreen, LabelTeal, LabelYellow, LabelOrange, LabelRed, LabelPink, LabelPurple, LabelGray}

// MaxLabelName is the longest label name, in characters: a label is a
// chip in the list, not a note.
const MaxLabelName = 30

// Field keys of the label form.
const (
	FieldLabelName  = "label.name"
	FieldLabelColor = "label.color"
)

// ErrLabelExists is the kind of the problem of a label named like another
// (ignoring case).
var ErrLabelExists = errors.New("a label with this name exists")

// checkLabel returns l with its name trimmed, or the problems of its
// fields.
func checkLabel(l Label) (Label, error) {
	l.Name = strings.Join(strings.Fields(l.Name), " ")
	var problems ValidationErrors
	switch n := utf8.RuneCountInString(l.Name); {
	case n == 0:
		problems = append(problems, FieldError{Field: FieldLabelName, Message: "Give the label a name."})
	case n > MaxLabelName:
		problems = append(problems, FieldError{Field: FieldLabelName,
			Message: fmt.Sprintf("A label name can be at most %d characters (now %d).", MaxLabelName, n)})
	}
	if !slices.Contains(LabelColors, l.Color) {
		problems = append(problems, FieldError{Field: FieldLabelColor, Message: "Choose one of the colours."})
	}
	if err := problems.OrNil(); err != nil {
		return Label{}, err
	}
	return l, nil
}

// labelExists is the field problem of a name taken by another label.
func labelExists(name string) error {
	return ValidationErrors{{Field: FieldLabelName, Kind: ErrLabelExists,
		Message: fmt.Sprintf("There is already a label called %q.", name)}}
}
