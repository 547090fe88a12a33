// The page side of the bridge: the only script that talks to Python (JSON text only).
(function () {
  "use strict";
  const handlers = {};
  const queue = [];
  let py = null;

  function dispatch(text) {
    let msg;
    try { msg = JSON.parse(text); } catch (e) { send("error", { message: "bad JSON from Python" }); return; }
    const handler = handlers[msg.cmd];
    if (!handler) { send("error", { message: "unknown command " + String(msg.cmd) }); return; }
    try { handler(msg); } catch (e) { send("error", { message: String(msg.cmd) + ": " + String(e && e.stack || e) }); }
  }

  function send(type, payload) {
    const text = JSON.stringify(Object.assign({ type: type }, payload || {}));
    if (py) py.fromPage(text); else queue.push(text);
  }

  window.AtlasBridge = {
    on: function (cmd, fn) { handlers[cmd] = fn; },
    send: send,
  };

  if (typeof QWebChannel === "undefined" || typeof qt === "undefined") return; // opened outside the app
  new QWebChannel(qt.webChannelTransport, function (channel) {
    py = channel.objects.bridge;
    py.toPage.connect(dispatch);
    queue.splice(0).forEach(function (text) { py.fromPage(text); });
  });
})();
