import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { badRequest, httpError } from "./http.server";

/**
 * The one way actions read a form. Browsers send small url-encoded bodies; everything else is
 * refused before it reaches conform, whose parser would otherwise build whatever structure the
 * field names describe (`wanted[10000000]` is a ten-million-slot array).
 */
export const FORM_LIMITS = {
  /** The largest form we have (an event with its description) is well under this. */
  maxBytes: 64 * 1024,
  maxFields: 300,
  maxNameLength: 100,
  /** Our repeated fields (languages, slots, kinds) have at most a few dozen entries. */
  maxArrayIndex: 100,
  maxNameDepth: 4,
} as const;

const ACCEPTED_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
// Conform's own control fields; our forms use none of its list intents.
const CONFORM_RESERVED = new Set(["__intent__", "__state__"]);
const NAME_TOKEN = /([^.[\]]+)|\[(\d*)\]/g;

/** Whether a field name is one a form of ours could send (conform's path syntax, within limits). */
export function isAcceptableFieldName(name: string): boolean {
  if (name.length === 0 || name.length > FORM_LIMITS.maxNameLength) return false;
  if (CONFORM_RESERVED.has(name)) return false;
  let depth = 0;
  let end = 0;
  NAME_TOKEN.lastIndex = 0;
  for (let match = NAME_TOKEN.exec(name); match; match = NAME_TOKEN.exec(name)) {
    const separatedByDot = match.index === end + 1 && name[end] === ".";
    if (match.index !== end && !separatedByDot) return false;
    const [, key, index] = match;
    // A name starts with a plain key: "wanted[3]", never "[3]" or ".wanted".
    if (depth === 0 && (match.index !== 0 || key === undefined)) return false;
    if (key !== undefined && FORBIDDEN_SEGMENTS.has(key)) return false;
    if (index !== undefined && index !== "" && Number(index) > FORM_LIMITS.maxArrayIndex) {
      return false;
    }
    if (++depth > FORM_LIMITS.maxNameDepth) return false;
    end = NAME_TOKEN.lastIndex;
  }
  return end === name.length;
}

async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw httpError(413, "This form is too large.");
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw httpError(413, "This form is too large.");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Reads a submitted form within FORM_LIMITS. Throws a 400, 413 or 415 Response (the root error
 * boundary shows it translated) for anything a form of ours could not have sent.
 * `ignoreOtherTypes` is for endpoints other software posts to (RFC 8058 one-click
 * unsubscribe): a body of another type counts as an empty form. `file` names the one field of
 * an upload form (the directory import) that may carry a file, with its own size limit.
 */
export async function readForm(
  request: Request,
  options: { ignoreOtherTypes?: boolean; file?: { field: string; maxBytes: number } } = {},
): Promise<FormData> {
  const maxBytes = options.file?.maxBytes ?? FORM_LIMITS.maxBytes;
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.includes(mediaType)) {
    if (!options.ignoreOtherTypes) {
      throw httpError(415, "Please send this form from the page it belongs to.");
    }
    // Still bounded, and read so the connection is left clean.
    await readBody(request, maxBytes);
    return new FormData();
  }
  const body = await readBody(request, maxBytes);
  let formData: FormData;
  if (mediaType === "multipart/form-data") {
    try {
      formData = await new Response(Buffer.from(body), {
        headers: { "Content-Type": contentType },
      }).formData();
    } catch {
      throw badRequest();
    }
  } else {
    formData = new FormData();
    for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body))) {
      formData.append(name, value);
    }
  }
  // PostgreSQL refuses NUL in text (SQLite stores it); no person types one, so it goes here, for
  // every form and both engines alike.
  if ([...formData.values()].some((value) => typeof value === "string" && value.includes("\0"))) {
    const cleaned = new FormData();
    for (const [name, value] of formData) {
      if (typeof value === "string") cleaned.append(name, value.replaceAll("\0", ""));
      else cleaned.append(name, value);
    }
    formData = cleaned;
  }
  let fields = 0;
  for (const [name, value] of formData) {
    if (++fields > FORM_LIMITS.maxFields) throw httpError(413, "This form has too many fields.");
    // Only the upload form's own file field may carry a file.
    const allowedFile = options.file?.field === name && typeof value !== "string";
    if ((typeof value !== "string" && !allowedFile) || !isAcceptableFieldName(name)) {
      throw badRequest();
    }
  }
  return formData;
}

/**
 * readForm, then conform's parseWithZod. A submission that fails validation comes back as
 * conform's error submission, to be answered with `submission.reply()`. Forms whose schema
 * depends on their `intent` call readForm and pick the schema themselves.
 */
export async function parseForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const formData = await readForm(request);
  return { formData, submission: parseWithZod(formData, { schema }) };
}

/**
 * The translation key of a failed submission's first error, for pages that show one message.
 * A form whose `intent` names no form of ours was not sent by our page: 400.
 */
export function firstFormError(submission: { error?: Record<string, string[] | null> | null }) {
  const errors = submission.error ?? {};
  if (errors.intent) throw badRequest("Unknown form.");
  const isKey = (message: unknown) =>
    typeof message === "string" && /^[A-Za-z]+(\.[A-Za-z]+)+$/.test(message);
  return (Object.values(errors).flat().find(isKey) as string | undefined) ?? "errors.invalidChoice";
}

/**
 * For forms made only of hidden fields and buttons (a check-in toggle, an approve button): a
 * value that does not validate was not sent by our page, so it is a 400, not a form error.
 */
export async function parseControlForm<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
): Promise<z.output<Schema>> {
  const { submission } = await parseForm(request, schema);
  if (submission.status !== "success") throw badRequest();
  return submission.value as z.output<Schema>;
}
