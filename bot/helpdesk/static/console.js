// Keeps a live chat's transcript current: asks for it every two seconds and
// redraws it with textContent, so nothing a resident types can become markup.
(function () {
  const list = document.getElementById("transcript");
  if (!list || list.dataset.live !== "yes") return;

  function line(item) {
    const li = document.createElement("li");
    li.className = "line " + item.who + (item.danger ? " danger" : "");
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = item.name || item.who;
    const at = document.createElement("span");
    at.className = "at";
    at.textContent = item.at;
    li.append(who, " ", at, " ");
    if (item.danger) {
      const flag = document.createElement("strong");
      flag.textContent = "Danger words";
      li.append(flag, " ");
    }
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = item.text;
    li.append(text);
    return li;
  }

  async function refresh() {
    try {
      const reply = await fetch("/staff/cases/" + list.dataset.case + "/transcript.json",
                                { credentials: "same-origin", cache: "no-store" });
      if (!reply.ok) return;
      const { lines } = await reply.json();
      if (lines.length !== list.children.length) list.replaceChildren(...lines.map(line));
    } catch (error) {
      // Offline for a moment: the next refresh tries again.
    }
  }
  setInterval(refresh, 2000);
})();
