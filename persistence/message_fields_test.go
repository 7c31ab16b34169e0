package persistence

import (
	"context"
	"reflect"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestInboundKeepsAdProductAndFullContactCard stores a customer's message
// that came from an ad and asks about a product, and a full contact card,
// and reads back everything the owner is shown.
func TestInboundKeepsAdProductAndFullContactCard(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ad := inbound("491", "wamid.ad", "Is this on sale?", baseTime)
	ad.Referral = &app.AdReferral{SourceURL: "https://fb.me/3cr4Wqqkv", SourceID: "1202", SourceType: "ad",
		Headline: "Summer Succulent Sale", Body: "20% off", MediaType: "image", ImageURL: "https://img.example/a.png",
		ClickID: "Afe4En"}
	ad.Product = &app.ReferredProduct{CatalogID: "194836987003835", ProductRetailerID: "di9ozbzfi4"}
	card := inbound("491", "wamid.card", "", baseTime.Add(1))
	card.Type, card.RawType, card.Text = app.MsgContacts, "contacts", ""
	card.Contacts = []app.SharedContact{{Name: "Barbara J. Johnson", Phones: []string{"+1 940 555 1234"},
		Organization: "Lucky Shrub · Legal", Birthday: "1999-01-23",
		Addresses: []string{"Work: 1 Lucky Shrub Way, Menlo Park"}, URLs: []string{"https://luckyshrub.example"}}}
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{ad, card}})

	got, err := s.MessageByWAID(ctx, c.ID, "wamid.ad")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Referral, ad.Referral) || !reflect.DeepEqual(got.Product, ad.Product) || got.Pricing != nil {
		t.Errorf("stored ad message: referral %+v, product %+v, pricing %+v", got.Referral, got.Product, got.Pricing)
	}
	gotCard, err := s.MessageByWAID(ctx, c.ID, "wamid.card")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotCard.Contacts, card.Contacts) || gotCard.Referral != nil || gotCard.Product != nil {
		t.Errorf("stored card = %+v (referral %v, product %v)", gotCard.Contacts, gotCard.Referral, gotCard.Product)
	}
}

// sentMessage queues an outgoing message and records it sent as wamid.
func sentMessage(t *testing.T, s *Store, id app.ChannelID, wamid string, state app.DeliveryState) app.Message {
	t.Helper()
	ctx := context.Background()
	m, err := s.Enqueue(ctx, app.Message{ChannelID: id, From: "491", Text: "Summer sale!"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateState(ctx, m.ID, app.StateSending, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if wamid != "" {
		if err := s.UpdateState(ctx, m.ID, state, wamid, 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// TestStatusPricingMovesOntoOutgoingMessage checks that what WhatsApp
// says a message costs lands on it: from a status that moves it on, from
// one that does not (it is already further), and from one that arrived
// before the message's WhatsApp id was recorded.
func TestStatusPricingMovesOntoOutgoingMessage(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	marketing := &app.Pricing{Billable: true, Category: "marketing", Model: "PMP", Type: "regular"}
	service := &app.Pricing{Billable: false, Category: "service", Model: "PMP", Type: "free_customer_service"}

	m := sentMessage(t, s, c.ID, "wamid.mkt", app.StateSent)
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{
		{WAMessageID: "wamid.mkt", State: app.StateRead},
		{WAMessageID: "wamid.mkt", State: app.StateDelivered, Pricing: marketing}, // late: no progress, still news
	}})
	got, _ := s.Message(ctx, m.ID)
	if got.State != app.StateRead || !reflect.DeepEqual(got.Pricing, marketing) {
		t.Errorf("message = %s, pricing %+v; want read, %+v", got.State, got.Pricing, marketing)
	}

	early := sentMessage(t, s, c.ID, "", "")
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{
		{WAMessageID: "wamid.early", State: app.StateSent, Pricing: service}}})
	if err := s.UpdateState(ctx, early.ID, app.StateSent, "wamid.early", 0, ""); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Message(ctx, early.ID)
	if got.State != app.StateSent || !reflect.DeepEqual(got.Pricing, service) {
		t.Errorf("early message = %s, pricing %+v; want sent, %+v", got.State, got.Pricing, service)
	}

	// A status never prices a customer's message with the same id.
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "wamid.in", "hi", baseTime)}})
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{
		{WAMessageID: "wamid.in", State: app.StateSent, Pricing: marketing}}})
	if in, _ := s.MessageByWAID(ctx, c.ID, "wamid.in"); in.Pricing != nil {
		t.Errorf("inbound message priced: %+v", in.Pricing)
	}
}

// TestEchoTakesEarlyPricing checks that a message the owner sent from the
// phone takes the pricing of a status that arrived before it.
func TestEchoTakesEarlyPricing(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	utility := &app.Pricing{Billable: true, Category: "utility", Model: "PMP"}
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{
		{WAMessageID: "wamid.echo", State: app.StateDelivered, Pricing: utility}}})
	echo := app.Message{WAMessageID: "wamid.echo", To: "491", Type: app.MsgText, Text: "From the phone", Timestamp: baseTime}
	mustIngest(t, s, c.ID, app.InboundBatch{Echoes: []app.Message{echo}})
	got, err := s.MessageByWAID(ctx, c.ID, "wamid.echo")
	if err != nil {
		t.Fatal(err)
	}
	if got.State != app.StateDelivered || !reflect.DeepEqual(got.Pricing, utility) {
		t.Errorf("echo = %s, pricing %+v; want delivered, %+v", got.State, got.Pricing, utility)
	}
}

// TestHeldMessageMovesOnWithItsStatus checks that a message WhatsApp held
// for a quality check keeps that state until a status moves it on, also
// when the status arrived before the send's answer.
func TestHeldMessageMovesOnWithItsStatus(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	held := sentMessage(t, s, c.ID, "wamid.held", app.StateHeld)
	if got, _ := s.Message(ctx, held.ID); got.State != app.StateHeld {
		t.Fatalf("state = %s, want held", got.State)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.held", State: app.StateSent}}})
	if got, _ := s.Message(ctx, held.ID); got.State != app.StateSent {
		t.Errorf("after sent: state = %s, want sent", got.State)
	}

	paused := sentMessage(t, s, c.ID, "", "")
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.paused", State: app.StateFailed,
		ErrorCode: 132015, ErrorText: "The template is paused."}}})
	if err := s.UpdateState(ctx, paused.ID, app.StatePaused, "wamid.paused", 0, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Message(ctx, paused.ID); got.State != app.StateFailed || got.ErrorCode != 132015 {
		t.Errorf("paused then failed early: state = %s (%d), want failed", got.State, got.ErrorCode)
	}
}
