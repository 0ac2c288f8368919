// One script tag adds the chat to a force's own page:
//
//   <script src="https://ADVICE-HOST/embed.js" data-exit-url="https://www.bbc.co.uk/weather"
//           data-colour="#1d4f91" data-socket-url="https://ADVICE-HOST:5005"
//           data-emergency="In an emergency, call 999."></script>
//
// It places the chat where the tag is (or inside the element named by
// data-target), then loads the styles, the socket.io client and chat.js from
// the same host.
(function () {
  "use strict";
  const tag = document.currentScript;
  const base = new URL(".", tag.src);
  const root = document.createElement("div");
  Object.assign(root.dataset, tag.dataset);
  root.setAttribute("data-cyber-chat", "");
  const target = tag.dataset.target && document.querySelector(tag.dataset.target);
  if (target) target.append(root);
  else tag.after(root);

  const styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = new URL("chat/static/chat.css", base).href;
  document.head.append(styles);

  function script(path, then) {
    const element = document.createElement("script");
    element.src = new URL(path, base).href;
    element.onload = then;
    document.body.append(element);
  }
  script("chat/static/vendor/socket.io.min.js", () => script("chat/static/chat.js"));
})();
