(function () {
  "use strict";
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    for (var d = el; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") { d.open = true; }
    }
    if (el) { el.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) { reveal(); }
})();
