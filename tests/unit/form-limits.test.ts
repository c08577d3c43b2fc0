import { describe, expect, it } from "vitest";
import { FORM_LIMITS, isAcceptableFieldName, readForm } from "~/utils/forms.server";

const post = (body: BodyInit, contentType?: string) =>
  new Request("http://localhost/settings", {
    method: "POST",
    body,
    headers: contentType ? { "Content-Type": contentType } : {},
  });

async function statusOf(request: Request): Promise<number | "ok"> {
  try {
    await readForm(request);
    return "ok";
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("field names", () => {
  it.each(["email", "wanted", "wanted[3]", "languages[2].code", "slots[]", "a.b.c"])(
    "accepts %s",
    (name) => expect(isAcceptableFieldName(name)).toBe(true),
  );

  it.each([
    "wanted[10000000]",
    `wanted[${FORM_LIMITS.maxArrayIndex + 1}]`,
    "a[0][0][0][0][0]",
    "a.b.c.d.e",
    "__proto__",
    "a.__proto__.b",
    "constructor",
    "x.prototype",
    "__intent__",
    "__state__",
    "a..b",
    ".a",
    "a]",
    "a[b]",
    "[0]",
    "",
    "x".repeat(FORM_LIMITS.maxNameLength + 1),
  ])("refuses %j", (name) => expect(isAcceptableFieldName(name)).toBe(false));
});

describe("readForm", () => {
  it("reads url-encoded and multipart forms", async () => {
    const encoded = await readForm(
      post("email=a%40b.c&wanted=x&wanted=y", "application/x-www-form-urlencoded"),
    );
    expect(encoded.getAll("wanted")).toEqual(["x", "y"]);
    const multipart = new FormData();
    multipart.set("email", "a@b.c");
    expect((await readForm(post(multipart))).get("email")).toBe("a@b.c");
  });

  it("drops NUL characters, which PostgreSQL cannot store, from every value", async () => {
    const encoded = await readForm(
      post("title=Caf%00%C3%A9&wanted=a%00&wanted=b", "application/x-www-form-urlencoded"),
    );
    expect(encoded.get("title")).toBe("Café");
    expect(encoded.getAll("wanted")).toEqual(["a", "b"]);
    const multipart = new FormData();
    multipart.set("body", "one\0two");
    expect((await readForm(post(multipart))).get("body")).toBe("onetwo");
  });

  it("answers 415 for bodies that are not forms", async () => {
    expect(await statusOf(post('{"email":"a"}', "application/json"))).toBe(415);
    expect(await statusOf(post("email=a", "text/plain"))).toBe(415);
    expect(await statusOf(post("email=a"))).toBe(415);
  });

  it("answers 413 for bodies over the limit, declared or not", async () => {
    const big = `note=${"x".repeat(FORM_LIMITS.maxBytes)}`;
    expect(await statusOf(post(big, "application/x-www-form-urlencoded"))).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++)
          controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const undeclared = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    expect(await statusOf(undeclared)).toBe(413);
  });

  it("answers 413 for too many fields and 400 for names no form of ours has", async () => {
    const many = Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i) => `f${i}=1`).join("&");
    expect(await statusOf(post(many, "application/x-www-form-urlencoded"))).toBe(413);
    expect(
      await statusOf(post("wanted[10000000]=rsvp_confirmed", "application/x-www-form-urlencoded")),
    ).toBe(400);
    expect(
      await statusOf(post("__intent__=%7B%22type%22%3A1%7D", "application/x-www-form-urlencoded")),
    ).toBe(400);
  });

  it("answers 400 for broken multipart and for files", async () => {
    expect(await statusOf(post("--x\r\nbroken", "multipart/form-data; boundary=x"))).toBe(400);
    expect(await statusOf(post("whatever", "multipart/form-data"))).toBe(400);
    const withFile = new FormData();
    withFile.set("photo", new Blob(["x"]), "a.png");
    expect(await statusOf(post(withFile))).toBe(400);
  });
});
