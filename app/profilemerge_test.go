package app

import (
	"slices"
	"testing"
)

func TestThreeWayConflict(t *testing.T) {
	base := Profile{About: "Bakery", Address: "Main St 1", Email: "a@shop.com", Websites: []string{"https://a.com"}}
	local := base
	local.About = "Bakery & café"              // owner changed
	local.Email = "hello@shop.com"             // owner changed, remote did not
	local.Websites = []string{"https://b.com"} // both changed, differently
	remote := base
	remote.About = "Bakery since 1920"          // changed on WhatsApp too: conflict
	remote.Address = "Main St 2"                // only remote changed: no conflict
	remote.Websites = []string{"https://c.com"} // conflict

	conflicts := ProfileConflicts(base, local, remote)
	var fields []string
	for _, c := range conflicts {
		fields = append(fields, c.Field)
	}
	if !slices.Equal(fields, []string{FieldAbout, FieldWebsites}) {
		t.Fatalf("conflicting fields = %v", fields)
	}
	if conflicts[0].Local != "Bakery & café" || conflicts[0].Remote != "Bakery since 1920" {
		t.Fatalf("conflict values = %+v", conflicts[0])
	}

	// Owner keeps the local About and WhatsApp's websites.
	resolved := ResolveConflicts(base, local, remote, conflicts, map[string]bool{FieldAbout: true})
	upd, changed := OwnerChanges(remote, resolved, remote)
	if !changed {
		t.Fatal("expected changes to push")
	}
	if upd.About == nil || *upd.About != "Bakery & café" {
		t.Fatalf("About not pushed: %+v", upd)
	}
	if upd.Websites != nil {
		t.Fatalf("websites chosen from WhatsApp must not be pushed: %v", *upd.Websites)
	}
	if upd.Email == nil || *upd.Email != "hello@shop.com" {
		t.Fatalf("the owner's email edit was lost: %+v", upd)
	}
	if upd.Address != nil {
		t.Fatal("a field only WhatsApp changed must not be overwritten")
	}
	merged := ApplyUpdate(remote, upd)
	if merged.Address != "Main St 2" || merged.About != "Bakery & café" {
		t.Fatalf("merged = %+v", merged)
	}
}

func TestSameChangeOnBothSidesIsNoConflict(t *testing.T) {
	base := Profile{About: "a"}
	both := Profile{About: "b"}
	if c := ProfileConflicts(base, both, both); len(c) != 0 {
		t.Fatalf("identical edits reported as conflict: %v", c)
	}
	if _, changed := OwnerChanges(base, both, both); changed {
		t.Fatal("nothing to send when WhatsApp already has the value")
	}
}

func TestClearingWebsitesIsSent(t *testing.T) {
	base := Profile{Websites: []string{"https://a.com"}}
	upd, changed := OwnerChanges(base, Profile{}, base)
	if !changed || upd.Websites == nil || len(*upd.Websites) != 0 {
		t.Fatalf("removing all websites must send an empty list: %+v", upd)
	}
}
