import { decodeList } from "~/utils/comma-list";
import { decodeLanguageLevels, type LanguageWithLevel, type MentoringRole } from "./codes";

/**
 * What one person of a pair may see of the other (docs/decisions/0007). Pure, so the rules are
 * tested on their own and every page goes through them.
 *
 * - proposed: a mentor sees the mentee's name, languages, goals and times (not about-me, area,
 *   mode or contact); a mentee sees the mentor's name, affiliation, languages and what they
 *   help with.
 * - active: both also see times, mode and area, the mentor sees the mentee's about-me, and each
 *   sees the contact details the other chose to share.
 * - anything else: nothing but the name.
 */
export type PartnerView = {
  displayName: string;
  languages?: LanguageWithLevel[];
  topics?: string[];
  availability?: string[];
  affiliation?: string;
  mode?: string;
  area?: string;
  about?: string;
  contact?: { email: string | null; handle: string | null };
};

export type PartnerSource = {
  displayName: string;
  email: string;
  profile: {
    languages: string;
    topics: string;
    availability: string;
    affiliation: string;
    mode: string;
    area: string;
    about: string;
    shareEmail: boolean;
    contactHandle: string;
  } | null;
};

export function partnerView(
  viewer: MentoringRole,
  status: string,
  partner: PartnerSource,
): PartnerView {
  const view: PartnerView = { displayName: partner.displayName };
  const p = partner.profile;
  if (!p || (status !== "proposed" && status !== "active")) return view;
  view.languages = decodeLanguageLevels(p.languages);
  view.topics = decodeList(p.topics);
  if (viewer === "mentee") view.affiliation = p.affiliation;
  if (viewer === "mentor" || status === "active") view.availability = decodeList(p.availability);
  if (status !== "active") return view;
  view.mode = p.mode;
  view.area = p.area;
  if (viewer === "mentor") view.about = p.about;
  view.contact = {
    email: p.shareEmail ? partner.email : null,
    handle: p.contactHandle || null,
  };
  return view;
}
