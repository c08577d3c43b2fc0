import { describe, expect, it } from "vitest";
import { decodeOptOuts, encodeOptOuts, wantsMessage } from "~/notifications/kinds";
import { backoffMs } from "~/notifications/sender.server";

describe("email choices", () => {
  it("stores opt-outs as one column and reads back only known kinds", () => {
    expect(encodeOptOuts([])).toBe(",");
    expect(encodeOptOuts(["event_changed", "rsvp_confirmed", "event_changed"])).toBe(
      ",rsvp_confirmed,event_changed,",
    );
    expect(decodeOptOuts(",rsvp_confirmed,made_up,")).toEqual(["rsvp_confirmed"]);
  });

  it("honours each kind on its own, and the reminder choice for reminders", () => {
    const person = { mailOptOuts: ",rsvp_waitlisted,", reminderLead: "off" };
    expect(wantsMessage(person, "rsvp_waitlisted")).toBe(false);
    expect(wantsMessage(person, "rsvp_confirmed")).toBe(true);
    expect(wantsMessage(person, "event_reminder")).toBe(false);
    expect(wantsMessage({ ...person, reminderLead: "2h" }, "event_reminder")).toBe(true);
  });
});

describe("back-off between tries", () => {
  it("doubles from 30 seconds and stops growing at an hour", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(8)).toBe(3_600_000);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});
