// Small progressive enhancements; pages work without it.
document.addEventListener("click", (event) => {
  const el = event.target.closest("[data-confirm]");
  if (el && !window.confirm(el.dataset.confirm)) {
    event.preventDefault();
    event.stopPropagation();
  }
});

// A filter that applies as soon as it changes: <select data-autosubmit> submits its form (a button does
// the same without script).
document.addEventListener("change", (event) => {
  const el = event.target.closest("[data-autosubmit]");
  if (el && el.form) el.form.requestSubmit();
});

// A one-time secret shown in a field: focusing it selects it, ready to copy.
document.addEventListener("focusin", (event) => {
  if (event.target.matches && event.target.matches("[data-select-on-focus]")) event.target.select();
});

// Mobile menu: the main navigation folds behind a button on narrow screens.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".nav-toggle");
  const nav = document.getElementById("mainnav");
  if (!toggle || !nav) return;
  toggle.hidden = false;
  const setOpen = (open) => {
    nav.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => setOpen(!nav.classList.contains("is-open")));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      setOpen(false);
      toggle.focus();
    }
  });
});

// Amounts grouped as they are typed: 180000000 reads 180.000.000 (the server reads either).
document.addEventListener("input", (event) => {
  const el = event.target;
  if (!el.matches || !el.matches("input.money")) return;
  const digits = el.value.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  if (grouped !== el.value) {
    const fromEnd = el.value.length - (el.selectionEnd ?? el.value.length);
    el.value = grouped;
    const at = Math.max(0, grouped.length - fromEnd);
    el.setSelectionRange(at, at);
  }
});
