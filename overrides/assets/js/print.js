/* The checklist's print button (guide/templates/checklist.html, #checklist-print), shown only with a script. */

ready(function () {
  var button = document.getElementById("checklist-print");
  if (button && typeof window.print === "function") button.addEventListener("click", function () { window.print(); });
});
