import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Role } from "~/accounts/roles";
import { startSession } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import * as adminPeople from "~/routes/admin.people";
import * as organize from "~/routes/organize._index";
import { projectRoot } from "../support/paths";
import { createPerson } from "../support/people";
import { context, formRequest, getRequest, respond } from "../support/requests";
import { postSettings } from "../support/settings";

const run = promisify(execFile);

async function personWithSession(role?: Role) {
  const person = await createPerson(role ? { role } : {});
  return { person, cookie: (await startSession(person.id)).split(";")[0]! };
}

const page = (cookie: string, search = "") =>
  respond(() =>
    adminPeople.loader({
      request: getRequest(`/admin/people${search}`, { Cookie: cookie }),
      params: {},
      context,
    }),
  );

const changeRoleAs = (cookie: string, userId: string, role: string) =>
  respond(() =>
    adminPeople.action({
      request: formRequest("/admin/people", { userId, role }, cookie),
      params: {},
      context,
    }),
  );

const organizerPage = (cookie: string) =>
  respond(() =>
    organize.loader({ request: getRequest("/organize", { Cookie: cookie }), params: {}, context }),
  );

/** `npm run user:role -- …` (or another script) as its own process, on this file's database. */
function command(script: string, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  }).then(
    (done) => ({ code: 0, output: done.stdout + done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({
      code: failed.code,
      output: failed.stdout + failed.stderr,
    }),
  );
}

describe("the people and roles page", () => {
  it("is for admins only: members and organizers get 403, for reading and for changing", async () => {
    const target = await createPerson();
    for (const role of ["member", "organizer"] as const) {
      const { cookie } = await personWithSession(role);
      expect((await page(cookie)).status).toBe(403);
      expect((await changeRoleAs(cookie, target.id, "admin")).status).toBe(403);
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("member");
    const { cookie } = await personWithSession("admin");
    expect((await page(cookie)).status).toBe(200);
  });

  it("finds a person by name or email, makes them an organizer and takes it back, from their next request", async () => {
    const { person: admin, cookie: adminCookie } = await personWithSession("admin");
    const { person: mina, cookie: minaCookie } = await personWithSession();
    await db().user.update({ where: { id: mina.id }, data: { displayName: "Mina Rahimi" } });

    const byName = await (await page(adminCookie, "?q=rahimi")).json();
    expect(byName.people.map((p: { id: string }) => p.id)).toEqual([mina.id]);
    const byEmail = await (await page(adminCookie, `?q=${mina.email.slice(0, 12)}`)).json();
    expect(byEmail.people).toMatchObject([{ id: mina.id, role: "member", confirmed: true }]);

    expect((await organizerPage(minaCookie)).status).toBe(403);
    const made = await changeRoleAs(adminCookie, mina.id, "organizer");
    expect(await made.json()).toEqual({
      error: null,
      changed: { name: "Mina Rahimi", role: "organizer", really: true },
    });
    // Not an admin for it: an organizer, nothing more.
    expect((await organizerPage(minaCookie)).status).toBe(200);
    expect((await page(minaCookie)).status).toBe(403);

    await changeRoleAs(adminCookie, mina.id, "member");
    expect((await organizerPage(minaCookie)).status).toBe(403);

    const records = await db().roleChange.findMany({
      where: { userId: mina.id },
      orderBy: { createdAt: "asc" },
    });
    expect(records).toMatchObject([
      { fromRole: "member", toRole: "organizer", changedById: admin.id, byCommandLine: false },
      { fromRole: "organizer", toRole: "member", changedById: admin.id, byCommandLine: false },
    ]);
    const { changes } = await (await page(adminCookie)).json();
    expect(changes.slice(0, 2)).toMatchObject([
      { person: "Mina Rahimi", from: "organizer", to: "member", by: { kind: "admin" } },
      { person: "Mina Rahimi", from: "member", to: "organizer", by: { kind: "admin" } },
    ]);
    // Choosing the role someone already has records nothing.
    await changeRoleAs(adminCookie, mina.id, "member");
    expect(await db().roleChange.count({ where: { userId: mina.id } })).toBe(2);
  });

  it("refuses to remove the last admin, and allows it once there is another", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { role: "member" } });
    const { person: only, cookie } = await personWithSession("admin");
    const refused = await changeRoleAs(cookie, only.id, "organizer");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("adminPeople.lastAdmin");
    expect((await db().user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("admin");
    expect(await db().roleChange.count({ where: { userId: only.id } })).toBe(0);

    const second = await createPerson();
    await changeRoleAs(cookie, second.id, "admin");
    const stepDown = await changeRoleAs(cookie, only.id, "member");
    expect((await stepDown.json()).changed).toMatchObject({ role: "member" });
    // And from the next request on, the page is closed to the former admin.
    expect((await page(cookie)).status).toBe(403);
  });

  it("does not let the last admin delete their account, and lets them once there is another", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { role: "member" } });
    const { person: only, cookie } = await personWithSession("admin");
    const deleteAs = () =>
      postSettings(
        "delete",
        { confirm: "yes", currentPassword: "a long passphrase" },
        cookie,
        context,
      );
    const refused = await deleteAs();
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("errors.lastAdminDelete");
    expect(await db().user.count({ where: { id: only.id } })).toBe(1);

    await changeRoleAs(cookie, (await createPerson()).id, "admin");
    expect((await deleteAs()).status).toBe(302);
    expect(await db().user.count({ where: { id: only.id } })).toBe(0);
  });

  it("ignores a made-up role", async () => {
    const { cookie } = await personWithSession("admin");
    const target = await createPerson();
    const response = await changeRoleAs(cookie, target.id, "superuser");
    expect(response.status).toBe(400);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("member");
  });
});

describe("npm run user:role", () => {
  it("gives and takes roles from the command line, recorded as such, and keeps the last admin", async () => {
    const person = await createPerson();
    const made = await command("scripts/user-role.ts", person.email.toUpperCase(), "organizer");
    expect(made.code).toBe(0);
    expect(made.output).toContain("is now organizer (was member)");
    expect(await db().roleChange.findFirst({ where: { userId: person.id } })).toMatchObject({
      fromRole: "member",
      toRole: "organizer",
      changedById: null,
      byCommandLine: true,
    });

    const { cookie } = await personWithSession("admin");
    const { changes } = await (await page(cookie)).json();
    expect(changes[0]).toMatchObject({ to: "organizer", by: { kind: "commandLine" } });

    // `user:admin` still works, as the same command.
    expect((await command("scripts/user-admin.ts", person.email)).code).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("admin");

    await db().user.updateMany({
      where: { role: "admin", id: { not: person.id } },
      data: { role: "member" },
    });
    const last = await command("scripts/user-role.ts", person.email, "member");
    expect(last.code).toBe(1);
    expect(last.output).toContain("only admin");
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("admin");

    expect((await command("scripts/user-role.ts", person.email, "boss")).code).toBe(1);
    expect((await command("scripts/user-role.ts", "nobody@example.com", "member")).code).toBe(1);
  });
});
