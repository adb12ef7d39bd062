// Blijvend Veilig: what the case page and the dashboard share. Every value from the server goes into
// the page as text (textContent), never as HTML: case data is typed by people and about children.
"use strict";

const bv = {
  /** The session's CSRF token for the project's API: every answer to a logged-in page carries it. */
  token: null,

  /** GET or POST JSON from the project's API with the webapps' login (the session cookie). */
  async api(path, options = {}) {
    const method = options.method || "GET";
    if (method !== "GET" && !bv.token) {
      await fetch("/api/me", { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(bv.remember);
    }
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: Object.assign({ "Accept": "application/json", "X-Requested-With": "XMLHttpRequest" },
        options.body ? { "Content-Type": "application/json" } : {},
        method !== "GET" && bv.token ? { "X-CSRF-TOKEN": bv.token } : {}),
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    bv.remember(response);
    const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const error = new Error(body && body.message ? body.message : "Fout " + response.status);
      error.status = response.status;
      throw error;
    }
    return body;
  },

  remember(response) {
    const token = response.headers.get("X-CSRF-TOKEN");
    if (token) {
      bv.token = token;
    }
    return response;
  },

  /** The webapps' CSRF token (for their login and logout), as Tasklist gets it: from a page of the webapps. */
  async csrfToken() {
    const response = await fetch("/camunda/app/tasklist/default/", { credentials: "same-origin" });
    const fromHeader = response.headers.get("X-XSRF-TOKEN");
    if (fromHeader) {
      return fromHeader;
    }
    const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
    return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
  },

  /** Logs in to the Camunda webapps: the same login as Tasklist, so Tasklist needs none afterwards. */
  async login(username, password, app) {
    const token = await bv.csrfToken();
    const response = await fetch("/camunda/api/admin/auth/user/default/login/" + app, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-XSRF-TOKEN": token },
      body: new URLSearchParams({ username, password }).toString(),
    });
    return response.ok;
  },

  async logout() {
    const token = await bv.csrfToken();
    await fetch("/camunda/api/admin/auth/user/default/logout", {
      method: "POST", credentials: "same-origin", headers: { "X-XSRF-TOKEN": token },
    });
    location.reload();
  },

  /** An element with text, attributes and children: the only way the pages build their content. */
  el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") element.textContent = value;
      else if (name.startsWith("on")) element.addEventListener(name.substring(2), value);
      else element.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  },

  dateTime(value) {
    if (!value) return "";
    const date = new Date(value);
    return isNaN(date) ? String(value) : date.toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" });
  },

  date(value) {
    if (!value) return "";
    const date = new Date(value);
    return isNaN(date) ? String(value) : date.toLocaleDateString("nl-NL", { dateStyle: "medium" });
  },

  /** The login form, shown when the API answers 401. */
  showLogin(container, app, title) {
    const user = bv.el("input", { name: "username", autocomplete: "username", required: true, "aria-label": "Gebruikersnaam" });
    const password = bv.el("input", { name: "password", type: "password", autocomplete: "current-password", required: true,
      "aria-label": "Wachtwoord" });
    const failed = bv.el("p", { class: "message error hidden", role: "alert", text: "Gebruikersnaam of wachtwoord klopt niet." });
    const form = bv.el("form", { class: "login card", id: "login" },
      bv.el("h2", { text: title }),
      bv.el("label", { text: "Gebruikersnaam" }), user,
      bv.el("label", { text: "Wachtwoord" }), password,
      bv.el("button", { class: "primary", type: "submit", text: "Inloggen" }), failed);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      if (await bv.login(user.value, password.value, app)) {
        location.reload();
      } else {
        failed.classList.remove("hidden");
      }
    });
    container.replaceChildren(form);
    user.focus();
  },

  showMessage(container, text, error) {
    container.replaceChildren(bv.el("p", { class: "message" + (error ? " error" : ""), role: "alert", text }));
  },

  /** The bar on top: who is logged in, and the way back to Tasklist. */
  async bar(userId) {
    const bar = document.querySelector("header.bar .who");
    if (bar && userId) {
      bar.replaceChildren("Ingelogd als ", bv.el("strong", { text: userId }), " ",
        bv.el("button", { type: "button", text: "Uitloggen", onclick: bv.logout }));
    }
  },

  table(headers, rows, numeric = []) {
    return bv.el("table", {},
      bv.el("thead", {}, bv.el("tr", {}, headers.map((h, i) => bv.el("th", { class: numeric.includes(i) ? "num" : null, text: h })))),
      bv.el("tbody", {}, rows.map(row => bv.el("tr", {}, row.map((cell, i) =>
        bv.el("td", { class: numeric.includes(i) ? "num" : null }, cell instanceof Node ? cell : String(cell ?? "")))))));
  },
};
