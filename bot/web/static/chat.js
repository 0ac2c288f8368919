// The resident's chat: quick exit, the emergency line, and the conversation
// over Rasa's socket.io channel. Mounts into every [data-cyber-chat] element,
// on our own page or, through embed.js, on a force's site.
//
// Nothing is kept outside this tab's sessionStorage (no localStorage, no
// cookies), so closing the tab leaves nothing. Everything shown is built with
// textContent, so nothing a resident or staff member types becomes markup.
(function () {
  "use strict";

  const STORE = "cyberChat";
  const SHIFT_PRESSES = 3;
  const SHIFT_WINDOW_MS = 2000;
  const TYPING_TIMEOUT_MS = 15000;
  const MAX_MESSAGE = 2000;
  const URL_PATTERN = /(https?:\/\/[^\s]+[^\s.,;:!?)'"])/g;
  const scriptOrigin = new URL(document.currentScript.src);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === undefined || value === null) continue;
      node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  }

  function withLinks(text) {
    const parts = text.split(URL_PATTERN);
    return parts.map((part, index) =>
      index % 2 ? el("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part) : part
    );
  }

  function loadState() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE));
    } catch (error) {
      return null;
    }
  }

  function newSessionId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function configFrom(root) {
    const data = root.dataset;
    return {
      socketUrl: data.socketUrl || `${scriptOrigin.protocol}//${scriptOrigin.hostname}:5005`,
      exitUrl: data.exitUrl || "https://www.bbc.co.uk/weather",
      colour: data.colour || "",
      emergency: data.emergency || "In an emergency, call 999.",
      emergencyShort: data.emergencyShort || "Emergency? Call 999",
      noSecrets: data.noSecrets || "Never type passwords, PINs, card numbers or bank details here.",
    };
  }

  function mount(root) {
    if (root.dataset.mounted) return;
    root.dataset.mounted = "yes";
    const config = configFrom(root);
    if (config.colour) root.style.setProperty("--chat-colour", config.colour);
    const state = loadState() || { session: newSessionId(), log: [] };
    const save = () => sessionStorage.setItem(STORE, JSON.stringify(state));
    let socket = null;
    let confirmed = false;
    const waiting = [];
    let typingTimer = null;

    // Quick exit: the GOV.UK "Exit this page" pattern.
    function quickExit() {
      sessionStorage.clear();
      if (socket) socket.disconnect();
      document.title = "";
      document.body.replaceChildren();
      // replace(): the chat leaves the history, so Back does not return to it.
      window.location.replace(config.exitUrl);
    }
    const exitButton = el("button", { type: "button", class: "exit-button" }, "Exit this page");
    exitButton.addEventListener("click", quickExit);
    let shiftTimes = [];
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Shift") {
        shiftTimes = [];
        return;
      }
      if (event.repeat) return;
      const now = Date.now();
      shiftTimes = shiftTimes.filter((time) => now - time < SHIFT_WINDOW_MS).concat(now);
      if (shiftTimes.length >= SHIFT_PRESSES) quickExit();
    });

    const log = el("div", { class: "chat-log", role: "log", "aria-live": "polite", "aria-label": "Conversation" });
    const typing = el("p", { class: "chat-typing", hidden: true },
      el("span", { class: "dots", "aria-hidden": "true" }, "● ● ●"), " The assistant is typing");
    const status = el("p", { class: "chat-status", role: "status" });
    const input = el("textarea", { id: "chat-message", name: "message", rows: "2", maxlength: String(MAX_MESSAGE),
      "aria-describedby": "chat-no-secrets", autocomplete: "off" });
    const form = el("form", { class: "chat-compose" },
      el("label", { for: "chat-message" }, "Your message"),
      input,
      el("button", { type: "submit", class: "send-button" }, "Send"));
    const panel = el("section", { class: "chat", "aria-labelledby": "chat-title" },
      el("h2", { id: "chat-title" }, "Chat with the assistant"),
      log, typing, status, form,
      el("p", { id: "chat-no-secrets", class: "chat-hint" }, config.noSecrets));

    // The way out, with the emergency number, goes first on the page, as in
    // the GOV.UK pattern, and stays at the top of the screen while it scrolls.
    // Only a skip link (class "skip-link") comes before it.
    const exitBar = el("div", { class: "exit-bar", role: "region", "aria-label": "Emergency and exit" },
      el("strong", { class: "exit-emergency" }, config.emergencyShort),
      el("span", { class: "exit-actions" }, exitButton, el("span", { class: "exit-hint" }, "or press Shift 3 times")));
    const skipLink = document.querySelector(".skip-link");
    if (skipLink) skipLink.after(exitBar);
    else document.body.prepend(exitBar);
    root.replaceChildren(el("p", { class: "emergency-line" }, el("strong", {}, config.emergency)), panel);

    // Rendering the conversation

    function who(entry) {
      if (entry.who === "resident") return "You";
      if (entry.who === "staff") return `${entry.name || "Staff"} (helpdesk)`;
      return entry.who === "notice" ? "" : "Assistant";
    }

    function optionKeys(event) {
      const buttons = Array.from(event.currentTarget.querySelectorAll("button:not([disabled])"));
      const index = buttons.indexOf(document.activeElement);
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      let next = null;
      if (event.key in moves) next = (index + moves[event.key] + buttons.length) % buttons.length;
      if (event.key === "Home") next = 0;
      if (event.key === "End") next = buttons.length - 1;
      if (next === null) return;
      event.preventDefault();
      buttons.forEach((button, i) => button.setAttribute("tabindex", i === next ? "0" : "-1"));
      buttons[next].focus();
    }

    function options(entry) {
      const group = el("div", { class: "chat-options", role: "group", "aria-label": "Options" });
      entry.buttons.forEach((option, index) => {
        const button = el("button", { type: "button", tabindex: index ? "-1" : "0", disabled: entry.used },
          option.title);
        button.addEventListener("click", () => send(option.payload, option.title));
        group.append(button);
      });
      group.addEventListener("keydown", optionKeys);
      return group;
    }

    // A report summary or safety plan: shown whole, to copy or keep as a file.
    function documentTools(entry) {
      const done = el("span", { class: "chat-document-status", role: "status" });
      const copy = el("button", { type: "button" }, "Copy");
      copy.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(entry.text);
          done.textContent = "Copied.";
        } catch (error) {
          done.textContent = "Couldn't copy: select the text and copy it instead.";
        }
      });
      const download = el("button", { type: "button" }, "Download as a text file");
      download.addEventListener("click", () => {
        const file = URL.createObjectURL(new Blob([entry.text], { type: "text/plain;charset=utf-8" }));
        const link = el("a", { href: file, download: entry.document.filename });
        document.body.append(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(file);
        done.textContent = "Downloaded. On a shared device, delete the file when you no longer need it.";
      });
      return el("div", { class: "chat-document-tools" }, copy, download, done);
    }

    function render(entry) {
      const label = who(entry);
      const item = el("div", { class: `chat-message from-${entry.who}${entry.document ? " chat-document" : ""}` },
        label ? el("span", { class: "chat-who" }, `${label}: `) : "",
        el("span", { class: "chat-text" }, ...withLinks(entry.text)));
      if (entry.document) item.append(documentTools(entry));
      if (entry.buttons && entry.buttons.length) item.append(options(entry));
      log.append(item);
      item.scrollIntoView({ block: "nearest" });
    }

    function add(entry) {
      state.log.push(entry);
      save();
      render(entry);
    }

    function retireOptions() {
      state.log.forEach((entry) => { if (entry.buttons) entry.used = true; });
      log.querySelectorAll(".chat-options button").forEach((button) => { button.disabled = true; });
    }

    function showTyping(on) {
      typing.hidden = !on;
      clearTimeout(typingTimer);
      if (on) typingTimer = setTimeout(() => { typing.hidden = true; }, TYPING_TIMEOUT_MS);
    }

    // Talking to Rasa

    function emit(text) {
      socket.emit("user_uttered", { message: text, session_id: state.session });
    }

    function send(text, shown) {
      const message = text.trim().slice(0, MAX_MESSAGE);
      if (!message) return;
      retireOptions();
      add({ who: "resident", text: shown || message });
      showTyping(true);
      // Until Rasa has confirmed the session, replies would go nowhere: hold them.
      if (confirmed && socket.connected) emit(message);
      else waiting.push(message);
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(input.value);
      input.value = "";
      input.focus();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    function received(message) {
      if (!message || typeof message.text !== "string") return;
      showTyping(false);
      const buttons = (message.quick_replies || message.buttons || [])
        .map((option) => ({ title: String(option.title), payload: String(option.payload) }));
      const part = message.helpdesk;
      const whoFrom = part === "staff" ? "staff" : part === "joined" || part === "left" ? "notice" : "assistant";
      const made = message.document && { filename: String(message.document.filename || "summary.txt") };
      add({ who: whoFrom, name: message.staff, text: message.text, buttons, document: made || undefined });
    }

    state.log.forEach(render);
    save();

    // WebSocket only: Rasa's socket.io server sends no CORS headers, so the
    // polling transport could not reach it from this page's origin.
    socket = io(config.socketUrl, { transports: ["websocket"], reconnectionDelayMax: 5000 });
    socket.on("connect", () => {
      confirmed = false;
      socket.emit("session_request", { session_id: state.session });
    });
    socket.on("session_confirm", () => {
      const first = !confirmed && state.log.length === 0 && !state.greeted;
      confirmed = true;
      status.textContent = "";
      if (first) {
        state.greeted = true;
        save();
        emit("/greet");
      }
      while (waiting.length) emit(waiting.shift());
    });
    socket.on("bot_uttered", received);
    socket.on("disconnect", () => {
      confirmed = false;
      status.textContent = "Connection lost. Trying to reconnect; your conversation is kept.";
    });
    socket.on("connect_error", () => {
      status.textContent = "Can't reach the assistant at the moment. Trying again…";
    });
    window.cyberChat = { socket };
  }

  document.querySelectorAll("[data-cyber-chat]").forEach(mount);
})();
