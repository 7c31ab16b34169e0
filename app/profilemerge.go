package app

import (
	"slices"
	"strings"
)

// FieldConflict is a profile field changed both on this laptop and on
// WhatsApp since the local edit began. The owner picks one value.
type FieldConflict struct {
	Field  string // FieldAbout, FieldWebsites, ...
	Label  string // "About", "Websites", ...
	Local  string // the value edited on this laptop (websites one per line)
	Remote string // the value now on WhatsApp
}

// profileFields lists the editable text fields with their labels.
var profileFields = []struct {
	key, label string
	get        func(*Profile) *string
}{
	{FieldAbout, "About", func(p *Profile) *string { return &p.About }},
	{FieldAddress, "Address", func(p *Profile) *string { return &p.Address }},
	{FieldDescription, "Description", func(p *Profile) *string { return &p.Description }},
	{FieldEmail, "Email", func(p *Profile) *string { return &p.Email }},
	{FieldVertical, "Industry", func(p *Profile) *string { return &p.Vertical }},
}

// ProfileConflicts returns the fields where local and remote both moved
// away from base to different values (a three-way comparison).
func ProfileConflicts(base, local, remote Profile) []FieldConflict {
	var out []FieldConflict
	for _, f := range profileFields {
		b, l, r := *f.get(&base), *f.get(&local), *f.get(&remote)
		if l != b && r != b && l != r {
			out = append(out, FieldConflict{Field: f.key, Label: f.label, Local: l, Remote: r})
		}
	}
	if !slices.Equal(local.Websites, base.Websites) && !slices.Equal(remote.Websites, base.Websites) &&
		!slices.Equal(local.Websites, remote.Websites) {
		out = append(out, FieldConflict{Field: FieldWebsites, Label: "Websites",
			Local: strings.Join(local.Websites, "\n"), Remote: strings.Join(remote.Websites, "\n")})
	}
	return out
}

// ResolveConflicts rebases the owner's edit onto remote: fields the owner
// did not touch take WhatsApp's value, fields only the owner changed keep
// the owner's value, and each conflicting field takes the remote value
// unless keepLocal[field] is true. The result can use remote as its base.
func ResolveConflicts(base, local, remote Profile, conflicts []FieldConflict, keepLocal map[string]bool) Profile {
	out := remote
	out.Websites = slices.Clone(remote.Websites)
	for _, f := range profileFields {
		if *f.get(&local) != *f.get(&base) {
			*f.get(&out) = *f.get(&local)
		}
	}
	if !slices.Equal(local.Websites, base.Websites) {
		out.Websites = slices.Clone(local.Websites)
	}
	for _, c := range conflicts {
		if keepLocal[c.Field] {
			continue
		}
		if c.Field == FieldWebsites {
			out.Websites = slices.Clone(remote.Websites)
			continue
		}
		for _, f := range profileFields {
			if f.key == c.Field {
				*f.get(&out) = *f.get(&remote)
			}
		}
	}
	return out
}

// OwnerChanges returns the update that carries the owner's edits (fields
// where local differs from base) onto remote, leaving alone every field
// the owner did not touch. The bool is false when there is nothing to send.
func OwnerChanges(base, local, remote Profile) (ProfileUpdate, bool) {
	var u ProfileUpdate
	any := false
	set := func(dst **string, b, l, r string) {
		if l != b && l != r {
			v := l
			*dst = &v
			any = true
		}
	}
	set(&u.About, base.About, local.About, remote.About)
	set(&u.Address, base.Address, local.Address, remote.Address)
	set(&u.Description, base.Description, local.Description, remote.Description)
	set(&u.Email, base.Email, local.Email, remote.Email)
	set(&u.Vertical, base.Vertical, local.Vertical, remote.Vertical)
	if !slices.Equal(local.Websites, base.Websites) && !slices.Equal(local.Websites, remote.Websites) {
		w := slices.Clone(local.Websites)
		if w == nil {
			w = []string{}
		}
		u.Websites = &w
		any = true
	}
	return u, any
}

// ApplyUpdate returns p with the non-nil fields of u applied.
func ApplyUpdate(p Profile, u ProfileUpdate) Profile {
	apply := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	apply(&p.About, u.About)
	apply(&p.Address, u.Address)
	apply(&p.Description, u.Description)
	apply(&p.Email, u.Email)
	apply(&p.Vertical, u.Vertical)
	if u.Websites != nil {
		p.Websites = slices.Clone(*u.Websites)
	}
	return p
}
