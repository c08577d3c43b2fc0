// The server code root's loader uses, through one module that only root imports. The browser
// build replaces each `.server` module a route imports with an empty one; one imported by several
// routes becomes a shared file of its own that every page then downloads (a request and ~110
// gzipped bytes each), while one only this route imports is folded into its own file.
export { getSessionUser } from "~/accounts/sessions.server";
export { env } from "~/env.server";
export { getLocale } from "~/utils/locale.server";
export { messagesVersion } from "~/i18n/resources.server";
