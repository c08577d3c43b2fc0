import { createAccount } from "~/accounts/accounts.server";
import type { Role } from "~/accounts/roles";
import { createHelpRequest } from "~/care/help-requests.server";
import type { Db } from "~/db.server";
import { createEvent } from "~/events/events.server";
import { answerGoing } from "~/events/rsvp.server";
import type { Locale } from "~/i18n/config";
import { DAY_MS } from "~/mentorship/codes";
import { saveProfile } from "~/mentorship/profiles.server";
import type { ProfileInput } from "~/mentorship/schemas";
import { approveMentor } from "~/mentorship/workflow.server";
import { seedDirectory } from "./demo-directory";

export const demoPassword = "tsunagu-demo";

type DemoPerson = { displayName: string; email: string; role: Role; locale: Locale; note: string };

// Names are what people chose to be called; several are nicknames, as the product allows.
export const demoPeople: DemoPerson[] = [
  {
    displayName: "Kenji Mori",
    email: "admin@demo.tsunagu.jp",
    role: "admin",
    locale: "ja",
    note: "admin",
  },
  {
    displayName: "Aiko Tanaka",
    email: "aiko@demo.tsunagu.jp",
    role: "organizer",
    locale: "ja",
    note: "organizer, Refugee Cafe",
  },
  {
    displayName: "Sara Haddad",
    email: "sara@demo.tsunagu.jp",
    role: "organizer",
    locale: "en",
    note: "organizer, yoga",
  },
  {
    displayName: "Ren Sato",
    email: "ren@demo.tsunagu.jp",
    role: "member",
    locale: "ja",
    note: "student mentor",
  },
  {
    displayName: "Chloé Martin",
    email: "chloe@demo.tsunagu.jp",
    role: "member",
    locale: "fr",
    note: "student mentor",
  },
  {
    displayName: "Daryush",
    email: "daryush@demo.tsunagu.jp",
    role: "member",
    locale: "fa",
    note: "member, reads Persian",
  },
  {
    displayName: "Maryam",
    email: "maryam@demo.tsunagu.jp",
    role: "member",
    locale: "fa",
    note: "member, reads Persian",
  },
  {
    displayName: "Amal",
    email: "amal@demo.tsunagu.jp",
    role: "member",
    locale: "ar",
    note: "member, reads Arabic",
  },
  {
    displayName: "Jean-Paul K.",
    email: "jeanpaul@demo.tsunagu.jp",
    role: "member",
    locale: "fr",
    note: "member, reads French",
  },
  {
    displayName: "Farid",
    email: "farid@demo.tsunagu.jp",
    role: "member",
    locale: "fa",
    note: "member, came twice and not since: on the organizers' quiet list",
  },
  {
    displayName: "Thida",
    email: "thida@demo.tsunagu.jp",
    role: "member",
    locale: "ja-x-easy",
    note: "member, reads Easy Japanese",
  },
  {
    displayName: "Yuki Ito",
    email: "yuki@demo.tsunagu.jp",
    role: "member",
    locale: "ja",
    note: "student mentor, approved, has places",
  },
  {
    displayName: "Hamid R.",
    email: "hamid@demo.tsunagu.jp",
    role: "member",
    locale: "fa",
    note: "student mentor, waiting for approval",
  },
];

/** Adds the demo people, events and RSVPs once; running it again changes nothing. */
export async function seedDemo(db: Db, now = new Date()): Promise<{ created: number }> {
  let created = 0;
  for (const person of demoPeople) {
    if (await db.user.findUnique({ where: { email: person.email } })) continue;
    const result = await createAccount(db, { ...person, password: demoPassword });
    if (!result.ok) continue;
    if (person.role !== "member") {
      await db.user.update({ where: { id: result.user.id }, data: { role: person.role } });
    }
    created++;
  }
  if ((await db.event.count()) === 0) await seedEvents(db, now);
  if ((await db.mentoringProfile.count()) === 0) await seedMentoring(db, now);
  await seedDirectory(db, now, await idOf(db, "aiko@demo.tsunagu.jp"));
  if ((await db.helpRequest.count()) === 0) await seedHelpRequests(db, now);
  return { created };
}

/**
 * Quiet requests waiting in /organize/help: Maryam's (Persian, a place to sleep today, asking
 * for a woman) and Amal's (Arabic, papers, this week). Aiko and Sara answer requests that ask
 * for a woman, so both demo organizers (and the admin) see them. Directory entries are seeded
 * with the directory, not here.
 */
async function seedHelpRequests(db: Db, now: Date) {
  await db.user.updateMany({
    where: { email: { in: ["aiko@demo.tsunagu.jp", "sara@demo.tsunagu.jp"] } },
    data: { answersWomenRequests: true },
  });
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  await createHelpRequest(
    db,
    await idOf(db, "maryam@demo.tsunagu.jp"),
    {
      topic: "sleep",
      urgency: "today",
      languages: ["fa", "en"],
      wantsWoman: true,
      contact: "here",
      handle: "",
      message: "صاحبخانه امروز گفت باید بروم. امشب جایی برای خوابیدن ندارم.",
      locale: "fa",
    },
    minutesAgo(30),
  );
  await createHelpRequest(
    db,
    await idOf(db, "amal@demo.tsunagu.jp"),
    {
      topic: "papers",
      urgency: "week",
      languages: ["ar", "ja-x-easy"],
      wantsWoman: false,
      contact: "here",
      handle: "",
      message: "وصلتني رسالة من البلدية ولا أفهمها. هل يمكن لأحد أن يساعدني في قراءتها؟",
      locale: "ar",
    },
    minutesAgo(26 * 60),
  );
}

const cafeText = {
  title: "Refugee Café",
  description:
    "A relaxed afternoon with tea, snacks and conversation in easy Japanese, English and other languages. Students and neighbours, newcomers and old friends. Children are welcome; there is a play corner.",
};

async function idOf(db: Db, email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

function futureDate(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

async function seedEvents(db: Db, now: Date) {
  const aiko = await idOf(db, "aiko@demo.tsunagu.jp");
  const sara = await idOf(db, "sara@demo.tsunagu.jp");
  const common = {
    mapUrl: undefined,
    onlineUrl: undefined,
    accessibilityNotes: "",
    rsvpDeadlineHours: undefined,
    untilDate: undefined,
    womenOnly: false,
  };

  const cafe = await createEvent(
    db,
    {
      ...common,
      ...cafeText,
      kind: "cafe",
      locale: "en",
      languages: ["ja", "ja-x-easy", "en", "fa", "ar", "fr"],
      date: futureDate(now, 10),
      startTime: "14:00",
      endTime: "16:00",
      timeZone: "Asia/Tokyo",
      venueName: "Community room, Yotsuya",
      venueAddress: "1-2-3 Yotsuya, Shinjuku-ku, Tokyo",
      mapUrl: "https://www.openstreetmap.org/search?query=Yotsuya%20Station",
      hideAddress: true,
      stepFreeAccess: true,
      childcare: true,
      food: true,
      accessibilityNotes: "3 minutes from Yotsuya Station, exit 1. Lift available.",
      capacity: 30,
      repeat: "monthly-nth",
    },
    aiko,
    now,
  );
  const yoga = await createEvent(
    db,
    {
      ...common,
      kind: "yoga",
      title: "Gentle yoga",
      description:
        "Slow, calm yoga for every body. Mats are provided. Wear clothes you can move in.",
      locale: "en",
      languages: ["en", "ja-x-easy"],
      date: futureDate(now, 3),
      startTime: "18:30",
      endTime: "19:30",
      timeZone: "Asia/Tokyo",
      venueName: "Sophia University, room 2-510",
      venueAddress: "7-1 Kioicho, Chiyoda-ku, Tokyo",
      hideAddress: false,
      stepFreeAccess: true,
      childcare: false,
      food: false,
      capacity: 4,
      rsvpDeadlineHours: 2,
      repeat: "weekly",
    },
    sara,
    now,
  );
  const discussion = await createEvent(
    db,
    {
      ...common,
      kind: "discussion",
      title: "گفت‌وگوی ماهانه: کار در ژاپن",
      description:
        "هر ماه دربارهٔ یک موضوع حرف می‌زنیم. این ماه: پیدا کردن کار پاره‌وقت و نوشتن رزومه به ژاپنی.",
      locale: "fa",
      languages: ["fa", "prs", "ja", "en"],
      date: futureDate(now, 17),
      startTime: "19:00",
      endTime: "20:30",
      timeZone: "Asia/Tokyo",
      venueName: "Online",
      venueAddress: "",
      onlineUrl: "https://meet.jit.si/tsunagu-demo-discussion",
      hideAddress: true,
      stepFreeAccess: false,
      childcare: false,
      food: false,
      capacity: 20,
      repeat: "monthly-last",
    },
    aiko,
    now,
  );
  // A monthly gathering for women (issue #12): anyone sees it exists; women who said so in
  // settings may RSVP, and the organizer let one father come with his children.
  const womenTea = await createEvent(
    db,
    {
      ...common,
      kind: "other",
      title: "Women's tea circle",
      description:
        "A quiet afternoon for women: tea, sweets and conversation in easy Japanese, Persian, Arabic and English. Children are welcome and there is someone to play with them.",
      locale: "en",
      languages: ["ja-x-easy", "fa", "ar", "en"],
      date: futureDate(now, 12),
      startTime: "13:00",
      endTime: "15:00",
      timeZone: "Asia/Tokyo",
      venueName: "Community room, Yotsuya",
      venueAddress: "1-2-3 Yotsuya, Shinjuku-ku, Tokyo",
      hideAddress: true,
      stepFreeAccess: true,
      childcare: true,
      food: true,
      capacity: 15,
      repeat: "monthly-nth",
      womenOnly: true,
    },
    sara,
    now,
  );
  if (!cafe.ok || !yoga.ok || !discussion.ok || !womenTea.ok)
    throw new Error("Demo events could not be created");

  const cafeEvents = await db.event.findMany({
    where: { seriesId: cafe.seriesId },
    select: { id: true },
  });
  await db.eventTranslation.createMany({
    data: cafeEvents.flatMap(({ id }) => [
      {
        eventId: id,
        locale: "ja",
        title: "難民カフェ",
        description:
          "お茶とお菓子を囲んで、やさしい日本語や英語などでおしゃべりする、のんびりした午後です。学生も地域の人も、初めての人も大歓迎。キッズコーナーがあります。",
      },
      {
        eventId: id,
        locale: "fa",
        title: "کافهٔ پناهندگان",
        description:
          "یک بعدازظهر آرام با چای، خوراکی و گفت‌وگو به ژاپنی ساده، انگلیسی و زبان‌های دیگر. بچه‌ها هم خوش آمدند؛ گوشهٔ بازی داریم.",
      },
      {
        eventId: id,
        locale: "ar",
        title: "مقهى اللاجئين",
        description:
          "بعد ظهر هادئ مع الشاي والوجبات الخفيفة والحديث باليابانية البسيطة والإنجليزية ولغات أخرى. الأطفال مرحب بهم، وهناك ركن للعب.",
      },
    ]),
  });

  const members = ["daryush", "maryam", "amal", "jeanpaul", "thida", "ren", "chloe", "farid"];
  const ids = Object.fromEntries(
    await Promise.all(
      members.map(async (m) => [m, await idOf(db, `${m}@demo.tsunagu.jp`)] as const),
    ),
  );
  const answer = (
    eventId: string,
    who: string,
    extra: Partial<{ children: number; guests: number; interpretation: string; note: string }> = {},
  ) =>
    answerGoing(
      db,
      {
        eventId,
        userId: ids[who]!,
        children: 0,
        guests: 0,
        interpretation: null,
        note: "",
        ...extra,
      },
      now,
    );

  // The next café: families, interpretation requests, a note.
  await answer(cafe.eventId, "maryam", {
    children: 2,
    interpretation: "fa",
    note: "My younger child is shy; a quiet corner would help.",
  });
  await answer(cafe.eventId, "daryush", { interpretation: "fa" });
  await answer(cafe.eventId, "amal", { children: 1, interpretation: "ar" });
  await answer(cafe.eventId, "jeanpaul", { guests: 1 });
  await answer(cafe.eventId, "ren");
  await answer(cafe.eventId, "chloe");
  // The next yoga class is full, with two people waiting.
  for (const who of ["thida", "chloe", "maryam", "ren", "amal", "daryush"])
    await answer(yoga.eventId, who);
  await answer(discussion.eventId, "daryush");
  await answer(discussion.eventId, "maryam", { interpretation: "ja-x-easy" });
  await db.user.updateMany({
    where: { id: { in: [ids.maryam!, ids.amal!, ids.thida!] } },
    data: { describesAsWoman: true },
  });
  await answer(womenTea.eventId, "maryam", { children: 2, interpretation: "fa" });
  await answer(womenTea.eventId, "amal", { children: 1 });
  await db.womenOnlyException.create({
    data: { eventId: womenTea.eventId, userId: ids.jeanpaul!, createdById: sara },
  });
  await answer(womenTea.eventId, "jeanpaul", { children: 2, note: "I bring my two daughters." });

  // Three past cafés of the same series, with who came, for the attendance report.
  for (const [monthsAgo, attended] of [
    // Farid came twice and has not been back: "people we have not seen for a while".
    [3, ["maryam", "daryush", "ren", "farid"]],
    [2, ["maryam", "amal", "ren", "chloe", "farid"]],
    [1, ["maryam", "daryush", "amal", "jeanpaul", "thida"]],
  ] as const) {
    const startsAt = new Date(now.getTime() - monthsAgo * 30 * 86_400_000);
    startsAt.setUTCHours(5, 0, 0, 0);
    const past = await db.event.create({
      data: {
        seriesId: cafe.seriesId,
        occurrenceKey: `past-${monthsAgo}`,
        kind: "cafe",
        ...cafeText,
        locale: "en",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        languages: ",ja,en,fa,ar,",
        venueName: "Community room, Yotsuya",
        venueAddress: "1-2-3 Yotsuya, Shinjuku-ku, Tokyo",
        capacity: 30,
        createdById: aiko,
      },
    });
    await db.rsvp.createMany({
      data: attended.map((who, index) => ({
        eventId: past.id,
        userId: ids[who]!,
        status: "going",
        queueSeq: index + 1,
        confirmedAt: startsAt,
        attendedAt: startsAt,
      })),
    });
    await db.walkIn.create({ data: { eventId: past.id, name: "Guest from the neighbourhood" } });
  }
}

const slot = (day: string, ...parts: string[]) => parts.map((part) => `${day}-${part}`);

/** Mentoring profiles, keyed by demo email name; mentors first. */
const mentoringProfiles: Record<string, ProfileInput> = {
  ren: {
    intent: "mentor",
    affiliation: "Sophia University, Faculty of Global Studies",
    languages: [
      { code: "ja", level: "fluent" },
      { code: "en", level: "conversational" },
      { code: "fa", level: "basic" },
    ],
    topics: ["japanese_practice", "job_search", "interviews", "friendship"],
    availability: [...slot("sat", "morning", "afternoon"), ...slot("wed", "evening")],
    mode: "either",
    area: "Shinjuku",
    gender: "male",
    capacity: 2,
    shareEmail: false,
    contactHandle: "LINE: ren.sato.sophia",
  },
  chloe: {
    intent: "mentor",
    affiliation: "Waseda University, exchange student",
    languages: [
      { code: "fr", level: "fluent" },
      { code: "en", level: "fluent" },
      { code: "ja", level: "conversational" },
    ],
    topics: ["school", "daily_life", "friendship", "japanese_practice"],
    availability: [...slot("sun", "afternoon"), ...slot("thu", "evening")],
    mode: "either",
    area: "Shinjuku",
    gender: "female",
    capacity: 2,
    shareEmail: true,
    contactHandle: "",
  },
  yuki: {
    intent: "mentor",
    affiliation: "Tokyo University of Foreign Studies",
    languages: [
      { code: "ja", level: "fluent" },
      { code: "en", level: "conversational" },
      { code: "ar", level: "conversational" },
    ],
    topics: ["japanese_practice", "daily_life", "school", "friendship"],
    availability: [
      ...slot("sat", "afternoon"),
      ...slot("sun", "morning"),
      ...slot("tue", "evening"),
    ],
    mode: "online",
    area: "",
    gender: "female",
    capacity: 3,
    shareEmail: true,
    contactHandle: "",
  },
  hamid: {
    intent: "mentor",
    affiliation: "Hitotsubashi University",
    languages: [
      { code: "fa", level: "fluent" },
      { code: "prs", level: "fluent" },
      { code: "ja", level: "conversational" },
    ],
    topics: ["job_search", "interviews", "daily_life"],
    availability: [...slot("fri", "evening"), ...slot("sat", "afternoon")],
    mode: "either",
    area: "Kunitachi",
    gender: "male",
    capacity: 1,
    shareEmail: false,
    contactHandle: "Telegram: @hamid_r",
  },
  maryam: {
    intent: "mentee",
    languages: [
      { code: "fa", level: "fluent" },
      { code: "ja", level: "basic" },
      { code: "en", level: "basic" },
    ],
    topics: ["job_search", "japanese_practice"],
    availability: [...slot("sat", "afternoon"), ...slot("wed", "evening")],
    mode: "either",
    area: "Shinjuku",
    mentorGender: "any",
    about:
      "I was a nurse for ten years. I would like to work in care again and need help with a Japanese CV.",
    shareEmail: true,
    contactHandle: "",
  },
  jeanpaul: {
    intent: "mentee",
    languages: [
      { code: "fr", level: "fluent" },
      { code: "en", level: "conversational" },
      { code: "ja", level: "basic" },
    ],
    topics: ["school", "japanese_practice"],
    availability: [...slot("sun", "afternoon")],
    mode: "in_person",
    area: "Shinjuku",
    mentorGender: "any",
    about: "I want to apply to a Japanese language school next spring.",
    shareEmail: false,
    contactHandle: "WhatsApp: +81 90-0000-0000",
  },
  daryush: {
    intent: "mentee",
    languages: [
      { code: "fa", level: "fluent" },
      { code: "en", level: "conversational" },
    ],
    topics: ["job_search", "interviews"],
    availability: [...slot("wed", "evening"), ...slot("sat", "morning")],
    mode: "online",
    area: "",
    mentorGender: "any",
    about: "Software developer; looking for my first job in Japan.",
    shareEmail: true,
    contactHandle: "",
  },
  amal: {
    intent: "mentee",
    languages: [
      { code: "ar", level: "fluent" },
      { code: "ja", level: "basic" },
    ],
    topics: ["daily_life", "japanese_practice"],
    availability: [...slot("sat", "afternoon"), ...slot("tue", "evening")],
    mode: "online",
    area: "",
    mentorGender: "female",
    about: "Mother of two. I would like to understand school letters and talk with neighbours.",
    shareEmail: false,
    contactHandle: "WhatsApp: +81 80-0000-0000",
  },
  thida: {
    intent: "mentee",
    languages: [
      { code: "ja-x-easy", level: "conversational" },
      { code: "my", level: "fluent" },
    ],
    topics: ["japanese_practice", "friendship"],
    availability: [...slot("sun", "morning", "afternoon")],
    mode: "either",
    area: "",
    mentorGender: "female",
    about: "",
    shareEmail: true,
    contactHandle: "",
  },
};

/**
 * Mentoring: approved mentors with places left (Yuki, Ren) and mentees waiting (Daryush,
 * Amal, Thida) so an organizer can run matching; one mentor awaiting approval (Hamid); one
 * active match with recent check-ins (Maryam and Ren); one gone quiet (Jean-Paul and Chloé,
 * nothing for 30 days), which the organizer dashboard lists.
 */
async function seedMentoring(db: Db, now: Date) {
  const aiko = await idOf(db, "aiko@demo.tsunagu.jp");
  const ids: Record<string, string> = {};
  for (const [who, input] of Object.entries(mentoringProfiles)) {
    const person = demoPeople.find((p) => p.email === `${who}@demo.tsunagu.jp`)!;
    ids[who] = await idOf(db, person.email);
    const saved = await saveProfile(db, ids[who], input, person.locale);
    if (!saved.ok) throw new Error(`Demo mentoring profile ${who}: ${saved.error}`);
    if (input.intent === "mentor" && who !== "hamid") await approveMentor(db, aiko, ids[who], now);
  }
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const activeMatch = async (
    mentee: string,
    mentor: string,
    startedDaysAgo: number,
    reasons: string,
    checkIns: { daysAgo: number; met: boolean; note: string }[],
  ) => {
    const lastCheckIn = checkIns.length ? ago(Math.min(...checkIns.map((c) => c.daysAgo))) : null;
    const firstMet = checkIns.filter((c) => c.met).map((c) => c.daysAgo);
    await db.mentoringMatch.create({
      data: {
        menteeId: ids[mentee]!,
        mentorId: ids[mentor]!,
        status: "active",
        score: 700,
        reasons,
        proposedAt: ago(startedDaysAgo + 3),
        expiresAt: ago(startedDaysAgo - 4),
        menteeAcceptedAt: ago(startedDaysAgo + 1),
        mentorAcceptedAt: ago(startedDaysAgo),
        activatedAt: ago(startedDaysAgo),
        lastCheckInAt: lastCheckIn,
        firstMetAt: firstMet.length ? ago(Math.max(...firstMet)) : null,
        menteeFit: firstMet.length ? "yes" : null,
        createdById: aiko,
        checkIns: {
          create: checkIns.map((c) => ({ met: c.met, note: c.note, createdAt: ago(c.daysAgo) })),
        },
      },
    });
  };
  await activeMatch(
    "maryam",
    "ren",
    30,
    ",goal:job_search,goal:japanese_practice,language:ja,language:fa,slot:sat-afternoon,slot:wed-evening,area,",
    [
      { daysAgo: 26, met: true, note: "Coffee near Yotsuya; we started her CV in Japanese." },
      { daysAgo: 12, met: true, note: "Practised a care-job interview." },
      { daysAgo: 4, met: false, note: "She had an appointment at the ward office; next week." },
    ],
  );
  await activeMatch(
    "jeanpaul",
    "chloe",
    50,
    ",goal:school,goal:japanese_practice,language:fr,language:en,language:ja,slot:sun-afternoon,area,",
    [{ daysAgo: 30, met: true, note: "Visited a language school open day together." }],
  );
}
