// Keyboard and motion for the framework wheel. Every segment is already a link (Tab and Enter work
// without this script); this adds arrow keys: left/right move around the ring, up moves outward to the
// first child, down moves inward to the parent, Home returns to the first grouping.
(function () {
  "use strict";
  var wheel = document.getElementById("wheel");
  if (!wheel) return;
  var segments = Array.prototype.slice.call(wheel.querySelectorAll("a.seg"));
  function byId(id) { return segments.filter(function (s) { return s.dataset.id === id; })[0]; }
  function ringOf(seg) { return segments.filter(function (s) { return s.classList[1] === seg.classList[1]; }); }
  function light(seg) {
    segments.forEach(function (s) { s.classList.remove("lit"); });
    var node = seg;
    while (node) { node.classList.add("lit"); node = node.dataset.parent ? byId(node.dataset.parent) : null; }
  }
  segments.forEach(function (seg) {
    seg.addEventListener("focus", function () { light(seg); });
    seg.addEventListener("keydown", function (event) {
      var ring = ringOf(seg), index = ring.indexOf(seg), target = null;
      if (event.key === "ArrowRight") target = ring[(index + 1) % ring.length];
      else if (event.key === "ArrowLeft") target = ring[(index - 1 + ring.length) % ring.length];
      else if (event.key === "ArrowUp") target = segments.filter(function (s) { return s.dataset.parent === seg.dataset.id; })[0];
      else if (event.key === "ArrowDown") target = seg.dataset.parent ? byId(seg.dataset.parent) : null;
      else if (event.key === "Home") target = segments[0];
      if (target) { event.preventDefault(); target.focus(); }
    });
  });
  wheel.classList.add("spin");
})();
