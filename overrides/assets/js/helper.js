/* The decision helpers (guide/templates/helper.html: [data-helper]): the reader's choices show the one answer they
   lead to, with a button that copies a link to it (copy.js wires it). A shared link to one answer chooses what it
   is for, and shows it. */

function conditions(answer) {
  return (answer.dataset.when || "").split(" ").filter(Boolean).map(function (pair) { return pair.split("="); });
}

/* The answer the choices lead to: the first whose conditions are met, once every answer before it is ruled out. */
function pick(answers, chosen) {
  for (var i = 0; i < answers.length; i += 1) {
    var met = true;
    var ruledOut = false;
    conditions(answers[i]).forEach(function (c) {
      if (!(c[0] in chosen)) met = false;
      else if (chosen[c[0]] !== c[1]) ruledOut = true;
    });
    if (ruledOut) continue;
    return met ? answers[i] : null;
  }
  return null;
}

function initHelper(helper) {
  var form = helper.querySelector(".g-helper__picker");
  var out = helper.querySelector(".g-helper__answer");
  var answers = Array.prototype.slice.call(helper.querySelectorAll(".g-answer"));
  var copyWords = helper.dataset.copy;
  var done = helper.dataset.done;

  function chosen() {
    var found = {};
    Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
      found[input.dataset.question] = input.value;
    });
    return found;
  }

  function show(answer) {
    if (!answer) {
      out.replaceChildren(Object.assign(document.createElement("p"), { textContent: out.dataset.hint }));
      return;
    }
    var nodes = Array.prototype.slice.call(answer.children, 1).map(function (node) { return node.cloneNode(true); });
    var link = document.createElement("button");
    link.type = "button";
    link.className = "g-tool g-copy";
    link.dataset.target = answer.id;
    link.dataset.done = done;
    link.setAttribute("aria-label", copyWords);
    link.title = copyWords;
    nodes.push(link);
    out.replaceChildren.apply(out, nodes);
  }

  function update() {
    helper.classList.add("g-helper--picked");
    show(pick(answers, chosen()));
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  /* A shared link to one answer: choose what it is for, and show it. */
  var target = byHash();
  if (target && answers.indexOf(target) >= 0) {
    conditions(target).forEach(function (c) {
      var input = form.querySelector('input[data-question="' + c[0] + '"][value="' + c[1] + '"]');
      if (input) input.checked = true;
    });
    update();
  }
}

ready(function () { each("[data-helper]", initHelper); });
