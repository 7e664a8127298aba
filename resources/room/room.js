// Tafelronde room pages: scribe, participant and ballot cards. No external assets.
// Everything typed goes into an offline queue in localStorage first (with client-made
// UUIDs), and is sent in order; a retry never duplicates, a refresh or a lost
// connection loses nothing.
(function () {
  "use strict";
  var S = JSON.parse(document.getElementById("strings").textContent);
  var page = document.body.dataset.page;

  function fmt(key, params) {
    var text = S[key] || key;
    Object.keys(params || {}).forEach(function (k) {
      text = text.split("{" + k + "}").join(String(params[k]));
    });
    return text;
  }
  function $(id) { return document.getElementById(id); }

  if (page === "test") {
    fetch("/test/hit", { method: "POST", credentials: "same-origin" }).then(function (r) {
      if (r.ok) {
        $("test-heading").textContent = S.test_heading;
        $("test-text").textContent = S.test_ok;
      }
    });
    return;
  }
  if (page !== "room") { return; }

  var store = {
    get: function (key, fallback) {
      try {
        var v = localStorage.getItem("tr_" + key);
        return v === null ? fallback : JSON.parse(v);
      } catch (e) { return fallback; }
    },
    set: function (key, value) { localStorage.setItem("tr_" + key, JSON.stringify(value)); }
  };

  function uuid() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  var state = store.get("state", null);
  var csrf = store.get("csrf", "");
  var online = false;
  var flushing = false;
  var voteError = "";
  var cardToken = "";

  function setOnline(value) {
    online = value;
    renderStatus();
  }

  async function post(path, body) {
    var r = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf || "" },
      body: JSON.stringify(body || {})
    });
    var data = {};
    try { data = await r.json(); } catch (e) { data = {}; }
    return { status: r.status, data: data };
  }

  async function refresh() {
    try {
      var r = await fetch("/api/state", { credentials: "same-origin" });
      if (r.status === 401) { location.href = "/"; return; }
      if (!r.ok) { throw new Error("state " + r.status); }
      state = await r.json();
      csrf = state.csrf;
      store.set("state", state);
      store.set("csrf", csrf);
      setOnline(true);
      render();
      flush();
    } catch (e) {
      setOnline(false);
    }
  }

  // ------------------------------------------------------------ the queue
  function enqueue(job) {
    var queue = store.get("queue", []);
    queue.push(job);
    store.set("queue", queue);
    renderStatus();
    flush();
  }

  function send(job) {
    if (job.op === "add") {
      return post("/api/proposals", {
        id: job.id, table_id: job.table_id, round_id: job.round_id, text: job.text, role: job.role
      });
    }
    if (job.op === "edit") { return post("/api/proposals/" + job.id, { text: job.text }); }
    if (job.op === "delete") { return post("/api/proposals/" + job.id + "/delete", {}); }
    return post(job.channel === "card" ? "/api/card" : "/api/ballot",
      { token: job.token, dots: job.dots, group: job.group || null });
  }

  async function flush() {
    if (flushing) { return; }
    flushing = true;
    try {
      for (;;) {
        var queue = store.get("queue", []);
        if (!queue.length) { break; }
        var job = queue[0];
        var res;
        try { res = await send(job); } catch (e) { setOnline(false); break; }
        if (res.status >= 500 || res.status === 429 || res.status === 401) { break; }
        if (res.status === 403 && res.data.code === "bad_csrf") {
          flushing = false; await refresh(); return;
        }
        setOnline(true);
        queue = store.get("queue", []);
        queue.shift();
        store.set("queue", queue);
        settle(job, res);
      }
    } finally {
      flushing = false;
    }
    render();
  }

  function entries() { return store.get("entries", []); }
  function saveEntries(list) { store.set("entries", list); }

  function settle(job, res) {
    var ok = res.status >= 200 && res.status < 300;
    if (job.op === "ballot") {
      if (job.channel === "card" && !ok) {
        // Used before, unknown, over the budget: say so; the next card can be entered.
        store.set("card_done", false);
        voteError = res.data.message || S.error_bad_request;
        return;
      }
      if (ok || res.data.code === "already_voted") {
        if (job.channel === "card") {
          store.set("card_done", true);
        } else {
          store.set("voted", job.token);
          store.set("draft", { dots: {}, group: job.group || "" });
        }
        voteError = ok ? "" : res.data.message || "";
      } else {
        voteError = res.data.message || S.error_bad_request;
        if (job.channel !== "card") { store.set("draft", { dots: job.dots, group: job.group || "" }); }
      }
      return;
    }
    var list = entries();
    var entry = list.find(function (e) { return e.id === job.id; });
    if (!entry) { return; }
    if (job.op === "delete") {
      if (ok) { saveEntries(list.filter(function (e) { return e.id !== job.id; })); }
      return;
    }
    if (ok) {
      entry.status = job.op === "add" ? (res.data.pending ? "pending" : "sent") : entry.status;
      entry.error = "";
    } else {
      entry.error = res.data.message || S.error_bad_request;
    }
    saveEntries(list);
  }

  // ------------------------------------------------------------ rendering
  function renderStatus() {
    var queued = store.get("queue", []).length;
    var text = online ? S.status_online : S.status_offline;
    if (queued) { text += " · " + queued + " " + S.status_queued; }
    $("status").textContent = text;
    $("status").className = "status " + (online ? "online" : "offline");
  }

  function role() { return store.get("role", ""); }

  function render() {
    renderStatus();
    var r = role();
    document.querySelectorAll("input[name=role]").forEach(function (input) {
      input.checked = input.value === r;
    });
    if (!state) { return; }
    $("title").textContent = state.title || "Tafelronde";
    $("round").textContent = state.round
      ? fmt("round_label", { number: state.round.number, question: state.round.question })
      : S.no_round;
    var table = currentTable();
    $("scribe").hidden = r !== "scribe";
    $("table-form").hidden = !!table;
    $("table-current").hidden = !table;
    $("table-change").hidden = !table;
    if (table) {
      // "Tafel 3" needs no "Tafel 3: " in front of it.
      $("table-current").textContent = table.name.indexOf(table.code) >= 0
        ? table.name : fmt("table_current", table);
    }
    $("propose").hidden = !((r === "scribe" && table) || r === "participant");
    $("vote").hidden = !(r === "participant" || r === "card");
    renderEntries();
    renderVote();
  }

  function currentTable() {
    var id = store.get("table", "");
    if (!state || !id) { return null; }
    return state.tables.find(function (t) { return t.id === id; }) || null;
  }

  function renderEntries() {
    var list = entries().filter(function (e) { return e.role === role(); });
    var queuedIds = {};
    store.get("queue", []).forEach(function (job) { if (job.id) { queuedIds[job.id] = true; } });
    var ul = $("entries");
    ul.textContent = "";
    list.forEach(function (e) {
      var li = document.createElement("li");
      var text = document.createElement("span");
      text.className = "entry-text";
      text.textContent = e.text;
      li.appendChild(text);
      var badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = queuedIds[e.id] ? S.queued
        : e.status === "pending" ? S.pending_approval : S.sent;
      li.appendChild(badge);
      if (e.error) {
        var err = document.createElement("p");
        err.className = "error"; err.setAttribute("role", "alert"); err.textContent = e.error;
        li.appendChild(err);
      }
      var edit = document.createElement("button");
      edit.type = "button"; edit.className = "secondary"; edit.textContent = S.edit;
      edit.setAttribute("aria-label", S.edit + ": " + e.text);
      edit.addEventListener("click", function () { startEdit(li, e); });
      var del = document.createElement("button");
      del.type = "button"; del.className = "secondary"; del.textContent = S.delete;
      del.setAttribute("aria-label", S.delete + ": " + e.text);
      del.addEventListener("click", function () {
        enqueue({ op: "delete", id: e.id });
        render();
      });
      li.appendChild(edit);
      li.appendChild(del);
      ul.appendChild(li);
    });
    $("no-entries").hidden = list.length > 0;
  }

  function startEdit(li, e) {
    li.textContent = "";
    var label = document.createElement("label");
    label.textContent = S.proposal_label;
    var area = document.createElement("textarea");
    area.value = e.text; area.rows = 3; area.maxLength = 2000;
    area.id = "edit-" + e.id; label.htmlFor = area.id;
    var save = document.createElement("button");
    save.type = "button"; save.textContent = S.save;
    save.addEventListener("click", function () {
      var text = area.value.trim();
      if (!text) { return; }
      var list = entries();
      var entry = list.find(function (x) { return x.id === e.id; });
      if (entry) { entry.text = text; entry.error = ""; saveEntries(list); }
      enqueue({ op: "edit", id: e.id, text: text });
      render();
    });
    var cancel = document.createElement("button");
    cancel.type = "button"; cancel.className = "secondary"; cancel.textContent = S.cancel;
    cancel.addEventListener("click", render);
    li.appendChild(label); li.appendChild(area); li.appendChild(save); li.appendChild(cancel);
    area.focus();
  }

  function renderVote() {
    var r = role();
    var voting = state.voting;
    var isCard = r === "card";
    $("card-form").hidden = !isCard || !!cardToken || !voting.open;
    var voted = !isCard && store.get("voted", "") && store.get("voted", "") === state.ballot_token;
    var pendingBallot = store.get("queue", []).some(function (j) { return j.op === "ballot"; });
    $("vote-closed").hidden = voting.open || voted;
    $("voted").hidden = !(voted || (isCard && store.get("card_done", false)) || pendingBallot);
    $("voted").textContent = pendingBallot ? S.vote_saved_offline
      : isCard ? S.card_done : S.voted;
    var show = voting.open && !voted && !pendingBallot && (!isCard || !!cardToken);
    $("ballot").hidden = !show;
    $("vote-error").textContent = voteError;
    if (!show) { return; }
    var draft = store.get("draft", { dots: {}, group: "" });
    var select = $("group");
    select.textContent = "";
    var choose = new Option(S.group_choose, "");
    choose.disabled = true;
    select.appendChild(choose);
    voting.groups.forEach(function (g) { select.appendChild(new Option(g.name, g.id)); });
    select.appendChild(new Option(S.group_none, "none"));
    select.value = draft.group || "";
    var spent = 0;
    Object.keys(draft.dots).forEach(function (k) { spent += draft.dots[k]; });
    $("dots-left").textContent = fmt("dots_left",
      { left: voting.budget - spent, budget: voting.budget, cap: voting.cap });
    var ul = $("items");
    ul.textContent = "";
    voting.items.forEach(function (item) {
      var n = draft.dots[item.id] || 0;
      var li = document.createElement("li");
      var label = document.createElement("span");
      label.className = "item-label"; label.textContent = item.label;
      label.id = "item-" + item.id;
      var minus = document.createElement("button");
      minus.type = "button"; minus.className = "dot"; minus.textContent = "−";
      minus.setAttribute("aria-label", fmt("remove_dot", { item: item.label }));
      minus.disabled = n <= 0;
      minus.dataset.item = item.id; minus.dataset.delta = "-1";
      minus.addEventListener("click", function () { change(item.id, -1); });
      var count = document.createElement("output");
      count.className = "count"; count.textContent = String(n);
      count.setAttribute("aria-labelledby", label.id);
      var plus = document.createElement("button");
      plus.type = "button"; plus.className = "dot"; plus.textContent = "+";
      plus.setAttribute("aria-label", fmt("add_dot", { item: item.label }));
      plus.disabled = n >= voting.cap || spent >= voting.budget;
      plus.dataset.item = item.id; plus.dataset.delta = "1";
      plus.addEventListener("click", function () { change(item.id, 1); });
      li.appendChild(label); li.appendChild(minus); li.appendChild(count); li.appendChild(plus);
      ul.appendChild(li);
    });
    $("cast").disabled = spent === 0 || !draft.group;
  }

  function change(itemId, delta) {
    var draft = store.get("draft", { dots: {}, group: "" });
    var n = (draft.dots[itemId] || 0) + delta;
    if (n <= 0) { delete draft.dots[itemId]; } else { draft.dots[itemId] = n; }
    store.set("draft", draft);
    voteError = "";
    renderVote();
    var buttons = document.querySelectorAll("#items button[data-item]");
    var same = null, other = null;
    buttons.forEach(function (b) {
      if (b.dataset.item !== itemId) { return; }
      if (Number(b.dataset.delta) === delta) { same = b; } else { other = b; }
    });
    var target = same && !same.disabled ? same : other;
    if (target) { target.focus(); }
  }

  // ------------------------------------------------------------ events
  document.querySelectorAll("input[name=role]").forEach(function (input) {
    input.addEventListener("change", function () {
      store.set("role", input.value);
      cardToken = "";
      store.set("card_done", false);
      render();
    });
  });

  $("table-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var code = $("table-code").value.trim();
    var table = state && state.tables.find(function (t) { return t.code === code; });
    $("table-error").textContent = table ? "" : S.table_unknown;
    if (table) { store.set("table", table.id); render(); $("proposal-text").focus(); }
  });
  $("table-change").addEventListener("click", function () {
    store.set("table", ""); render(); $("table-code").focus();
  });

  $("proposal-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("proposal-text").value.trim();
    if (!text) { return; }
    var r = role();
    var table = currentTable();
    var tableId = table ? table.id : (state && state.tables.length ? state.tables[0].id : "");
    var id = uuid();
    var list = entries();
    list.push({ id: id, text: text, role: r, status: "queued", error: "" });
    saveEntries(list);
    enqueue({
      op: "add", id: id, text: text, role: r, table_id: tableId,
      round_id: state && state.round ? state.round.id : ""
    });
    $("proposal-text").value = "";
    render();
    $("proposal-text").focus();
  });

  $("group").addEventListener("change", function () {
    var draft = store.get("draft", { dots: {}, group: "" });
    draft.group = $("group").value;
    store.set("draft", draft);
    renderVote();
  });

  $("cast").addEventListener("click", function () {
    var draft = store.get("draft", { dots: {}, group: "" });
    var isCard = role() === "card";
    var job = {
      op: "ballot", channel: isCard ? "card" : "phone",
      token: isCard ? cardToken : state.ballot_token,
      dots: draft.dots, group: draft.group === "none" ? null : draft.group
    };
    store.set("draft", { dots: {}, group: draft.group });
    if (isCard) { cardToken = ""; }
    enqueue(job);
    render();
  });

  $("card-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    cardToken = $("card-code").value.trim();
    voteError = "";
    $("card-code").value = "";
    store.set("card_done", false);
    store.set("draft", { dots: {}, group: "" });
    render();
  });

  // A ballot card's QR code opens /room#card=CODE (also on a page already open).
  function takeCardFromHash() {
    var hash = location.hash.match(/card=([A-Za-z0-9_-]{8,80})/);
    if (!hash) { return; }
    store.set("role", "card");
    store.set("card_done", false);
    store.set("draft", { dots: {}, group: "" });
    cardToken = hash[1];
    voteError = "";
    history.replaceState(null, "", "/room");
    render();
  }
  window.addEventListener("hashchange", takeCardFromHash);
  takeCardFromHash();

  // ------------------------------------------------------------ live updates
  var backoff = 300;
  function connect() {
    var ws;
    try { ws = new WebSocket("ws://" + location.host + "/ws"); } catch (e) { retry(); return; }
    ws.onopen = function () { backoff = 300; setOnline(true); refresh(); };
    ws.onmessage = function (ev) {
      var m;
      try { m = JSON.parse(ev.data); } catch (e) { return; }
      if (m.type === "state" && (!state || m.version !== state.version)) { refresh(); }
    };
    ws.onclose = function () { setOnline(false); retry(); };
  }
  function retry() {
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 2000);
  }
  window.addEventListener("online", function () { refresh(); });
  setInterval(function () {
    if (store.get("queue", []).length) { flush(); }
  }, 2000);

  render();
  refresh();
  connect();
})();
