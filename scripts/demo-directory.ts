import { importResources } from "~/care/directory-admin.server";
import type { ImportedEntry } from "~/care/hsds.server";
import type { Db } from "~/db.server";

/**
 * The demo directory: fictional services only, each named "Sample: …" and marked `sample`, with
 * contact details that are obviously not real (00- numbers, example.org, "Sample-chō"). Real
 * organisations' numbers and hours are never invented here: an organizer adds those after
 * checking them.
 */
const DAY_MS = 86_400_000;

type Sample = Omit<ImportedEntry, "lastCheckedAt" | "sample"> & { checkedDaysAgo: number };

const base = {
  description: "",
  interpretation: false,
  free: true,
  costNote: "",
  whatToBring: "",
  phone: "",
  email: "",
  website: "",
  address: "",
  mapUrl: "",
  status: "open" as const,
  translations: [],
};

export const sampleDirectory: Sample[] = [
  {
    ...base,
    name: "Sample: Night shelter for women",
    description:
      "A quiet place to sleep for women and their children, for a few nights while we look for something longer together.",
    locale: "en",
    topics: ["sleep"],
    languages: ["ja", "en", "fa"],
    audience: "women",
    whatToBring: "Nothing is needed. If you have medicine, please bring it.",
    phone: "00-0000-0001",
    address: "1-2-3 Sample-chō, Example City (fictional)",
    mapUrl: "https://example.org/map/night-shelter",
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: "18:00", closes: "22:00" })),
    checkedDaysAgo: 20,
    translations: [
      {
        locale: "fa",
        name: "نمونه: سرپناه شبانه برای زنان",
        description:
          "جایی آرام برای خوابیدن زنان و فرزندانشان، برای چند شب، تا با هم جای طولانی‌تری پیدا کنیم.",
        costNote: "",
        whatToBring: "چیزی لازم نیست. اگر دارو دارید، لطفاً همراه بیاورید.",
      },
      {
        locale: "ja",
        name: "見本：女性のための夜間シェルター",
        description:
          "女性と子どもが数日間安心して眠れる場所です。その間に、もっと長くいられる場所を一緒に探します。",
        costNote: "",
        whatToBring: "持ち物は要りません。薬があれば持ってきてください。",
      },
    ],
  },
  {
    ...base,
    name: "Sample: Free health consultation",
    description:
      "A nurse and a doctor listen and help you find the right clinic. No insurance needed to talk.",
    locale: "en",
    topics: ["health"],
    languages: ["ja", "en", "fr"],
    interpretation: true,
    audience: "anyone",
    whatToBring: "Any medicine you take, and a health insurance card if you have one.",
    phone: "00-0000-0002",
    website: "https://example.org/health-consultation",
    address: "4-5-6 Sample-chō, Example City (fictional)",
    mapUrl: "https://example.org/map/health",
    hours: [
      { weekday: 2, opens: "10:00", closes: "12:00" },
      { weekday: 2, opens: "13:00", closes: "16:00" },
      { weekday: 4, opens: "10:00", closes: "16:00" },
    ],
    checkedDaysAgo: 35,
    translations: [
      {
        locale: "fa",
        name: "نمونه: مشاورهٔ رایگان سلامت",
        description:
          "یک پرستار و یک پزشک به حرف شما گوش می‌دهند و کمک می‌کنند درمانگاه مناسب را پیدا کنید. برای صحبت کردن بیمه لازم نیست.",
        costNote: "",
        whatToBring: "داروهایی که مصرف می‌کنید، و کارت بیمهٔ درمانی اگر دارید.",
      },
      {
        locale: "ar",
        name: "مثال: استشارة صحية مجانية",
        description:
          "ممرّضة وطبيب يستمعان إليك ويساعدانك على إيجاد العيادة المناسبة. لا حاجة إلى تأمين للحديث معهما.",
        costNote: "",
        whatToBring: "أي دواء تتناوله، وبطاقة التأمين الصحي إن كانت لديك.",
      },
    ],
  },
  {
    ...base,
    name: "Sample: Food bank pick-up",
    description: "Rice, tinned food and fresh vegetables for families, once a week.",
    locale: "en",
    topics: ["food"],
    languages: ["ja", "en", "ar"],
    audience: "families",
    whatToBring: "A bag to carry things home.",
    address: "7-8-9 Sample-chō, Example City (fictional)",
    hours: [{ weekday: 6, opens: "10:00", closes: "13:00" }],
    status: "temporarily_closed",
    checkedDaysAgo: 10,
    translations: [
      {
        locale: "ar",
        name: "مثال: بنك الطعام",
        description: "أرز ومعلّبات وخضار طازجة للعائلات، مرة في الأسبوع.",
        costNote: "",
        whatToBring: "كيس لحمل الأغراض إلى البيت.",
      },
    ],
  },
  {
    ...base,
    name: "Sample: Help with forms and procedures",
    description: "Volunteers sit with you and go through letters and forms from the city office.",
    locale: "en",
    topics: ["papers", "money"],
    languages: ["ja", "en", "fa", "prs"],
    audience: "anyone",
    whatToBring: "The letters or forms you want help with.",
    email: "forms-help@example.org",
    address: "10-11 Sample-chō, Example City (fictional)",
    hours: [{ weekday: 3, opens: "17:00", closes: "20:00" }],
    // Eight months: the demo's stale entry, flagged to organizers and marked on /resources.
    checkedDaysAgo: 240,
  },
  {
    ...base,
    name: "Sample: Someone to talk to (phone line)",
    description: "A volunteer listens, in confidence. You do not have to give your name.",
    locale: "en",
    topics: ["talk", "frightened"],
    languages: ["ja", "en", "fr", "ar"],
    audience: "anyone",
    phone: "00-0000-0005",
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "19:00", closes: "23:00" })),
    checkedDaysAgo: 60,
    translations: [
      {
        locale: "fr",
        name: "Exemple\u00a0: quelqu’un à qui parler (ligne téléphonique)",
        description:
          "Un bénévole vous écoute, en toute confidentialité. Vous n’avez pas à donner votre nom.",
        costNote: "",
        whatToBring: "",
      },
    ],
  },
  {
    ...base,
    name: "見本：若者のための仕事探し相談",
    description: "履歴書の書き方や面接の練習を、ゆっくり一緒にします。",
    locale: "ja",
    topics: ["work"],
    languages: ["ja", "ja-x-easy", "en"],
    audience: "young",
    free: false,
    costNote: "初回は無料、2回目から500円",
    website: "https://example.org/job-support",
    hours: [{ weekday: 5, opens: "15:00", closes: "18:00" }],
    checkedDaysAgo: 90,
    translations: [
      {
        locale: "en",
        name: "Sample: Job-hunting support for young people",
        description: "We take our time with you on writing a CV and practising interviews.",
        costNote: "First session free, then 500 yen",
        whatToBring: "",
      },
    ],
  },
];

/** Adds the sample directory once (when the directory is empty); every entry is a sample. */
export async function seedDirectory(db: Db, now: Date, organizerId: string): Promise<number> {
  if ((await db.resource.count()) > 0) return 0;
  return importResources(
    db,
    sampleDirectory.map(({ checkedDaysAgo, ...entry }) => ({
      ...entry,
      lastCheckedAt: new Date(now.getTime() - checkedDaysAgo * DAY_MS),
      sample: true,
    })),
    organizerId,
  );
}
