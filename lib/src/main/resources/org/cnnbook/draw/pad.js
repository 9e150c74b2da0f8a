// The drawing pad of notebook 8 (anywidget front end). The page draws the ink itself; when a stroke ends it sends
// every stroke so far, and the kernel answers with what the network read: the 28x28 picture and ten probabilities.
const SIZE = 280;     // the canvas in drawing units, as lib's Drawing.SIZE
const PEN = 22;       // the pen, as Drawing.PEN
const PATIENCE_MS = 4000;

function element(tag, className, parent, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}

function bytesOf(value) {
  if (!value) return new Uint8Array(0);
  if (value instanceof Uint8Array) return value;
  if (value instanceof DataView) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return new Uint8Array(0);
}

export default {
  render({ model, el }) {
    const root = element("div", "cnnbook-pad", el);
    const drawSide = element("div", "pad-column", root);
    element("div", "pad-heading", drawSide, "Draw one digit");
    const ink = element("canvas", "pad-ink", drawSide);
    ink.width = SIZE; ink.height = SIZE;
    const buttons = element("div", "pad-buttons", drawSide);
    const clear = element("button", "pad-clear", buttons, "Clear");
    element("span", "pad-meant", buttons, " I meant ");
    const label = element("select", "pad-label", buttons);
    element("option", "", label, "?").value = "";  // no digit chosen: Keep asks for one
    for (let digit = 0; digit <= 9; digit++) element("option", "", label, String(digit)).value = String(digit);
    const keep = element("button", "pad-keep", buttons, "Keep");
    const status = element("div", "pad-status", drawSide, "");

    const seenSide = element("div", "pad-column", root);
    element("div", "pad-heading", seenSide, "What the network reads (28\u00d728)");
    const seen = element("canvas", "pad-seen", seenSide);
    seen.width = 28; seen.height = 28;
    const answer = element("div", "pad-answer", seenSide, "");

    const barSide = element("div", "pad-column", root);
    element("div", "pad-heading", barSide, "Probabilities");
    const bars = [];
    for (let digit = 0; digit <= 9; digit++) {
      const row = element("div", "pad-row", barSide);
      element("span", "pad-digit", row, String(digit));
      const track = element("span", "pad-track", row);
      const bar = element("span", "pad-bar", track);
      bar.dataset.digit = String(digit);
      const percent = element("span", "pad-percent", row, "");
      bars.push({ bar, percent });
    }

    const pen = ink.getContext("2d");
    // a page reloaded, or a second view of the same pad, starts from what the model holds
    let strokes = (model.get("strokes") || []).map(s => Array.from(s));
    let current = null;
    let pointer = null;  // the one pointer drawing now: a palm or a second finger does not join its stroke
    let request = model.get("request") || 0;
    let sentAt = 0;
    let waiting = null;
    const latencies = (window.cnnbookPadLatencies = window.cnnbookPadLatencies || []);

    function paper() {
      pen.fillStyle = "#fff"; pen.fillRect(0, 0, SIZE, SIZE);
      pen.strokeStyle = "#191928"; pen.fillStyle = "#191928";
      pen.lineWidth = PEN; pen.lineCap = "round"; pen.lineJoin = "round";
    }

    function point(event) {
      const box = ink.getBoundingClientRect();
      return [(event.clientX - box.left) * SIZE / box.width, (event.clientY - box.top) * SIZE / box.height];
    }

    function stale(why) {
      status.textContent = why + " if the kernel was restarted, run the cells above again (Run \u2192 Run All Above " +
        "Selected Cell), then run this cell again.";
      root.classList.add("pad-stale");
    }

    function send() {
      request += 1;
      root.dataset.sent = String(request);
      sentAt = performance.now();
      clearTimeout(waiting);
      waiting = setTimeout(() => stale("No answer from the kernel for " + PATIENCE_MS / 1000 + " s: it may be busy " +
        "with another cell;"), PATIENCE_MS);
      try {
        model.set("strokes", strokes.map(s => s.slice()));
        model.set("request", request);
        model.save_changes();
      } catch (error) {
        // a restart closes the pad's channel to the kernel; the widget manager then refuses to send
        clearTimeout(waiting);
        stale("This pad has lost its kernel:");
      }
    }

    ink.addEventListener("contextmenu", event => event.preventDefault());
    ink.addEventListener("pointerdown", event => {
      if (current || !event.isPrimary || event.button !== 0) return;
      event.preventDefault();
      pointer = event.pointerId;
      ink.setPointerCapture(event.pointerId);
      current = point(event);
      strokes.push(current);
      pen.beginPath(); pen.arc(current[0], current[1], PEN / 2, 0, 2 * Math.PI); pen.fill();
    });
    ink.addEventListener("pointermove", event => {
      if (!current || event.pointerId !== pointer) return;
      const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
      for (const e of events.length ? events : [event]) {
        const [x, y] = point(e);
        pen.beginPath(); pen.moveTo(current[current.length - 2], current[current.length - 1]);
        pen.lineTo(x, y); pen.stroke();
        current.push(x, y);
      }
    });
    const end = event => { if (current && event.pointerId === pointer) { current = null; send(); } };
    ink.addEventListener("pointerup", end);
    ink.addEventListener("pointercancel", end);

    clear.addEventListener("click", () => { strokes = []; paper(); status.textContent = ""; send(); });
    keep.addEventListener("click", () => {
      if (!strokes.length) { status.textContent = "Draw a digit first, then Keep it."; return; }
      if (label.value === "") { status.textContent = "Which digit did you mean? Choose it beside Keep."; return; }
      try {
        model.send({ event: "keep", label: Number(label.value) });
      } catch (error) {
        stale("This pad has lost its kernel:");
        return;
      }
      label.value = "";  // the next digit needs its own choice
    });

    function showReading() {
      const reading = model.get("reading") || {};
      if (reading.request !== request) return;  // an answer to an older stroke: a newer one is on its way
      clearTimeout(waiting);
      root.classList.remove("pad-stale");
      const probabilities = reading.probabilities || [];
      bars.forEach(({ bar, percent }, digit) => {
        const p = probabilities[digit] || 0;
        bar.style.width = (100 * p).toFixed(1) + "%";
        bar.classList.toggle("pad-best", digit === reading.answer);
        percent.textContent = reading.answer === null || reading.answer === undefined ? "" : Math.round(100 * p) + " %";
      });
      const pixels = bytesOf(model.get("seen"));
      const picture = seen.getContext("2d").createImageData(28, 28);
      for (let i = 0; i < 28 * 28; i++) {
        const v = pixels[i] || 0;
        picture.data.set([v, v, v, 255], 4 * i);
      }
      seen.getContext("2d").putImageData(picture, 0, 0);
      const has = reading.answer !== null && reading.answer !== undefined;
      answer.textContent = has ? "The network reads: " + reading.answer + " (" + Math.round(100 * probabilities[reading.answer]) + " %)" : "";
      answer.dataset.answer = has ? String(reading.answer) : "";
      status.textContent = reading.error ? reading.error : status.textContent.startsWith("No answer") ? "" : status.textContent;
      // stroke end to the frame that paints the new bars; the kernel's share of it is reading.kernel_ms
      if (request > 0) requestAnimationFrame(() => latencies.push({ ms: performance.now() - sentAt, kernel_ms: reading.kernel_ms }));
      root.dataset.answered = String(request);
    }

    function kept(message) {
      if (!message || message.event !== "kept") return;
      status.textContent = message.error ? message.error :
        "Kept as " + message.file + " (" + message.count + " of your digits so far). Clear and draw the next one.";
    }

    paper();
    for (const stroke of strokes) {
      pen.beginPath(); pen.arc(stroke[0], stroke[1], PEN / 2, 0, 2 * Math.PI); pen.fill();
      pen.beginPath(); pen.moveTo(stroke[0], stroke[1]);
      for (let i = 2; i < stroke.length; i += 2) pen.lineTo(stroke[i], stroke[i + 1]);
      pen.stroke();
    }
    showReading();
    model.on("change:reading", showReading);
    model.on("msg:custom", kept);
    return () => {
      clearTimeout(waiting);
      model.off("change:reading", showReading);
      model.off("msg:custom", kept);
    };
  }
};
