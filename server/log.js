// The one logger of every Tsunagu process (server.js, `npm run worker`, the app): one JSON object
// per line, so a host's log collector (journald, a container platform) can filter and count
// without parsing prose. It never receives personal data: callers pass fixed messages and
// counts, the request log passes method, path (tokens masked, no query), status and sizes.

/** @typedef {"error" | "warn" | "info" | "debug"} LogLevel */
/** @typedef {Record<string, unknown>} LogFields */

/** Most to least severe; a level prints itself and everything before it. */
export const logLevels = /** @type {const} */ (["error", "warn", "info", "debug"]);

/**
 * LOG_LEVEL as given (unset or empty means info); anything else is refused, so a typo does not
 * silently drop every request line.
 * @param {string | undefined} value
 * @returns {LogLevel}
 */
export function parseLogLevel(value) {
  if (value === undefined || value === "") return "info";
  if (!(/** @type {readonly string[]} */ (logLevels).includes(value))) {
    throw new Error(`Invalid environment:\n  LOG_LEVEL: must be one of ${logLevels.join(", ")}`);
  }
  return /** @type {LogLevel} */ (value);
}

/**
 * An error as plain fields: its message and stack say what broke and where. Database driver
 * errors also carry a code (SQLITE_BUSY, 40001), which the tests count.
 * @param {unknown} error
 */
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = /** @type {{ code?: unknown }} */ (error).code;
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code: String(code) }),
    stack: error.stack,
  };
}

/**
 * @param {{ level: LogLevel, write?: (level: LogLevel, line: string) => void, now?: () => Date }} options
 */
export function createLogger(options) {
  const threshold = logLevels.indexOf(options.level);
  const write =
    options.write ??
    ((level, line) =>
      (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n"));
  const now = options.now ?? (() => new Date());

  /** @param {LogLevel} level */
  const enabled = (level) => logLevels.indexOf(level) <= threshold;

  /**
   * @param {LogLevel} level
   * @param {string} msg
   * @param {LogFields} [fields]
   */
  function emit(level, msg, fields = {}) {
    if (!enabled(level)) return;
    /** @type {LogFields} */
    const entry = { time: now().toISOString(), level, msg, ...fields };
    if ("error" in fields) entry.error = serializeError(fields.error);
    write(level, JSON.stringify(entry));
  }

  return {
    level: options.level,
    enabled,
    /** @param {string} msg @param {LogFields} [fields] */
    error: (msg, fields) => emit("error", msg, fields),
    /** @param {string} msg @param {LogFields} [fields] */
    warn: (msg, fields) => emit("warn", msg, fields),
    /** @param {string} msg @param {LogFields} [fields] */
    info: (msg, fields) => emit("info", msg, fields),
    /** @param {string} msg @param {LogFields} [fields] */
    debug: (msg, fields) => emit("debug", msg, fields),
  };
}

/** @typedef {ReturnType<typeof createLogger>} Logger */

/** @type {Logger | undefined} */
let shared;

/**
 * The process's logger, at the level LOG_LEVEL names. Made on first use, after server.js or the
 * worker has read its .env file.
 * @returns {Logger}
 */
export function logger() {
  shared ??= createLogger({ level: parseLogLevel(process.env.LOG_LEVEL) });
  return shared;
}

/**
 * Path segments that are secrets: a calendar feed's token and an email's unsubscribe token
 * are as good as a password for what they open, so they never reach a log.
 */
const SECRET_SEGMENTS = [/^(\/calendar\/)[^/]+/, /^(\/unsubscribe\/)[^/]+/];

/**
 * The path as logged: no query string (emails, tokens and searches travel there), and secret
 * segments masked.
 * @param {string} path a request's path without its query (Express's `req.path`)
 */
export function loggedPath(path) {
  let shown = path;
  for (const pattern of SECRET_SEGMENTS) shown = shown.replace(pattern, "$1:token");
  // Some clients send paths of many kilobytes; the log line stays one readable line.
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
