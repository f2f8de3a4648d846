// The score sheet: a running total as the member types, and points out of range (60 of 50, -1, 12.5)
// named under their criterion before anything is sent. The server refuses them too; this only saves a trip.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-score-sheet]");
  if (!form) return;
  const inputs = Array.from(form.querySelectorAll("input[data-max]"));
  const total = document.getElementById("score-total");

  const problem = (input) => {
    const raw = input.value.trim();
    if (raw === "") return "";
    const max = Number(input.dataset.max);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > max) return form.dataset.outOfRange.replace("{max}", String(max));
    return "";
  };

  const show = (input, message) => {
    const cell = input.closest("tr").querySelector("td");
    let note = cell.querySelector(".field__error[data-client]");
    const row = input.closest("tr");
    if (!message) {
      if (note) note.remove();
      if (!row.querySelector(".field__error:not([data-client])")) {
        row.classList.remove("field--error");
        input.removeAttribute("aria-invalid");
      }
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = "field__error";
      note.dataset.client = "";
      note.id = `${input.id}-client-error`;
      cell.appendChild(note);
      const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!described.includes(note.id)) input.setAttribute("aria-describedby", [...described, note.id].join(" "));
    }
    note.textContent = message;
    row.classList.add("field--error");
    input.setAttribute("aria-invalid", "true");
  };

  const update = () => {
    let sum = 0;
    let complete = true;
    for (const input of inputs) {
      const message = problem(input);
      show(input, message);
      if (input.value.trim() === "" || message) complete = false;
      else sum += Number(input.value);
    }
    total.textContent = String(sum);
    total.classList.toggle("is-partial", !complete);
  };

  form.addEventListener("input", (event) => {
    if (event.target.matches("input[data-max]")) update();
  });
  // Before the submit buttons' confirmation: nothing is sent, or confirmed, while a point is out of range.
  form.addEventListener(
    "click",
    (event) => {
      if (!event.target.closest("button[type=submit]")) return;
      update();
      const first = inputs.find((input) => problem(input));
      if (first) {
        event.preventDefault();
        event.stopPropagation();
        first.focus();
      }
    },
    true,
  );
  update();
});
