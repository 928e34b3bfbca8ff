(function () {
  "use strict";
  // One panel for the whole page; each claim's details are already in it, hidden. Nothing is fetched.
  var panel = document.getElementById("panel");
  var hint = document.getElementById("hint");
  var shown = null;
  var selected = null;

  function claimOf(node) {
    return node && node.closest ? node.closest(".claim[aria-controls]") : null;
  }

  function open(claim) {
    var detail = document.getElementById(claim.getAttribute("aria-controls"));
    if (!detail) return;
    if (shown) shown.hidden = true;
    if (selected) {
      selected.classList.remove("selected");
      selected.setAttribute("aria-expanded", "false");
    }
    detail.hidden = false;
    hint.hidden = true;
    claim.classList.add("selected");
    claim.setAttribute("aria-expanded", "true");
    shown = detail;
    selected = claim;
    document.body.classList.add("panel-open");
    panel.scrollTop = 0;
    // On a phone the panel is a sheet over the bottom of the screen: keep the claim visible above it.
    if (getComputedStyle(panel).position === "fixed") {
      var top = panel.getBoundingClientRect().top;
      var box = claim.getBoundingClientRect();
      if (box.bottom > top || box.top < 0) window.scrollBy(0, box.top - 12);
    }
  }

  function close() {
    if (shown) shown.hidden = true;
    hint.hidden = false;
    document.body.classList.remove("panel-open");
    if (selected) {
      selected.classList.remove("selected");
      selected.setAttribute("aria-expanded", "false");
      selected.focus();
    }
    shown = null;
    selected = null;
  }

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var claim = id ? claimOf(document.getElementById(id)) : null;
    if (claim) {
      open(claim);
      claim.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.closest("[data-close]")) {
      close();
      return;
    }
    var link = target.closest("a");
    if (link) {
      // A link inside a claim goes where it says; a jump from the list of weakest claims opens that claim.
      if (link.classList.contains("jump")) {
        var jumped = claimOf(document.getElementById(link.getAttribute("href").slice(1)));
        if (jumped) {
          open(jumped);
          jumped.focus({ preventScroll: true });
        }
      }
      return;
    }
    var claim = claimOf(target);
    if (claim) open(claim);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      close();
      return;
    }
    var claim = claimOf(event.target);
    if (claim && event.target === claim && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      open(claim);
    }
  });

  window.addEventListener("hashchange", fromHash);
  if (location.hash) fromHash();
})();
