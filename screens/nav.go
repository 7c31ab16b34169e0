package screens

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// page names one page of the main window.
type page string

// The pages of the main window.
const (
	pageSpace    page = "space"
	pageChannels page = "channels"
	pageSettings page = "settings"
)

// sidebarWidth is the width of the navigation column.
const sidebarWidth = 224

// navItem is one entry of the navigation.
type navItem struct {
	page  page
	label string
	icon  fyne.Resource
	badge int // a count shown beside the label (unread messages); 0 hides it
}

// navSection is a group of entries under an optional caption; each
// section is its own list so captions never take the selection.
type navSection struct {
	caption string
	items   []navItem
	list    *widget.List
}

// sidebar is the navigation column: the app's name, the pages, and the
// version at the bottom.
type sidebar struct {
	sections []*navSection
	onSelect func(page)
	quiet    bool // set while the selection is changed by code, not the owner
	content  fyne.CanvasObject
}

func newSidebar(icon fyne.Resource, footer string, onSelect func(page)) *sidebar {
	s := &sidebar{
		onSelect: onSelect,
		sections: []*navSection{
			{items: []navItem{{page: pageSpace, label: "Space", icon: kit.SpaceIcon}}},
			{caption: "SETTINGS", items: []navItem{{page: pageChannels, label: "Channels", icon: kit.ChannelIcon},
				{page: pageSettings, label: "Settings", icon: theme.SettingsIcon()}}},
		},
	}
	column := container.NewVBox(s.newBrand(icon), widget.NewSeparator())
	for _, sec := range s.sections {
		sec.list = s.newList(sec)
		if sec.caption != "" {
			caption := kit.NewMutedText(sec.caption, fyne.TextAlignLeading, theme.SizeNameCaptionText)
			caption.Segments[0].(*widget.TextSegment).Style.TextStyle.Bold = true
			column.Add(container.New(layout.NewCustomPaddedLayout(10, 0, 10, 0), caption))
		}
		column.Add(allRows(sec.list, len(sec.items)))
	}
	bottom := kit.NewMutedText(footer, fyne.TextAlignLeading, theme.SizeNameCaptionText)
	background := canvas.NewRectangle(theme.Color(kit.ColorNameSidebar))
	background.SetMinSize(fyne.NewSize(sidebarWidth, 0))
	s.content = container.NewStack(background,
		container.New(layout.NewCustomPaddedLayout(6, 6, 8, 8), container.NewBorder(column, bottom, nil, nil)),
		container.NewBorder(nil, nil, nil, widget.NewSeparator()))
	return s
}

// newBrand is the app's icon and name at the top of the column.
func (s *sidebar) newBrand(icon fyne.Resource) fyne.CanvasObject {
	name := &widget.Label{Text: "Parley", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	if icon == nil {
		return container.New(layout.NewCustomPaddedLayout(8, 8, 4, 0), name)
	}
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(34))
	return container.New(layout.NewCustomPaddedLayout(8, 8, 6, 0), container.NewHBox(img, name))
}

// allRows gives list the height of its n rows, so a section with more
// than one item shows them all instead of scrolling in one row's space.
func allRows(list *widget.List, n int) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, float32(n)*list.MinSize().Height+float32(max(n-1, 0))*theme.Padding()))
	return container.NewStack(space, list)
}

func (s *sidebar) newList(sec *navSection) *widget.List {
	l := widget.NewList(
		func() int { return len(sec.items) },
		func() fyne.CanvasObject {
			badge := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.SuccessImportance}
			return container.New(layout.NewCustomPaddedLayout(3, 3, 2, 4),
				container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(nil), &widget.Label{}), badge))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container).Objects[0].(*fyne.Container)
			left, badge := row.Objects[0].(*fyne.Container), row.Objects[1].(*widget.Label)
			it := sec.items[id]
			left.Objects[0].(*widget.Icon).SetResource(it.icon)
			left.Objects[1].(*widget.Label).SetText(it.label)
			badge.SetText(navBadge(it.badge))
			badge.Hidden = it.badge <= 0
			row.Refresh() // lays the badge out when it appears
		})
	l.HideSeparators = true
	l.OnSelected = func(id widget.ListItemID) {
		if !s.quiet {
			s.onSelect(sec.items[id].page)
		}
	}
	return l
}

// selectPage marks p as the current page, clearing the other sections.
// It only marks: it never navigates.
func (s *sidebar) selectPage(p page) {
	s.quiet = true
	defer func() { s.quiet = false }()
	for _, sec := range s.sections {
		found := false
		for i, it := range sec.items {
			if it.page == p {
				sec.list.Select(i)
				found = true
			}
		}
		if !found {
			sec.list.UnselectAll()
		}
	}
}

// setBadge shows n beside the entry of page p (the Space's unread
// messages); 0 hides it.
func (s *sidebar) setBadge(p page, n int) {
	for _, sec := range s.sections {
		for i := range sec.items {
			if sec.items[i].page == p && sec.items[i].badge != n {
				sec.items[i].badge = n
				sec.list.RefreshItem(i)
			}
		}
	}
}

// navBadge is how a count shows in the navigation: "99+" above 99.
func navBadge(n int) string {
	if n > 99 {
		return "99+"
	}
	return strconv.Itoa(n)
}
