"""A reader scrolling a page from its foot back to its top, as the back-to-top tests see it.

top.js decides, on each scroll up, from where the page is alone: the button shows more than a screen down unless it
would cover a heading (or what has focus). So what it does can change only where a heading's edge crosses the
button's edge, or at a screen's height: ``way_up`` stops just either side of each of those places (instead of every
few pixels), scrolling up from the foot, and waits at each stop for the page's own scroll event, which runs top.js's
handler first. Between two stops nothing changes, so the share of the way up where the button shows is measured in
pixels, not counted in stops.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

UP_THE_PAGE = """async (levels) => {
  const button = document.querySelector('.md-top');
  const hit = (a, b) => a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  // the scroll event, heard after top.js's own listener (added first); two frames at most (it comes in the first)
  const scrolled = () => new Promise((done) => {
    const heard = () => { removeEventListener('scroll', heard); done(true); };
    addEventListener('scroll', heard);
    frames().then(() => { removeEventListener('scroll', heard); done(false); });
  });
  const heads = [...document.querySelectorAll(levels)];
  window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'});
  await frames();
  const foot = scrollY, screen = innerHeight, box = button.getBoundingClientRect();
  const places = [screen, ...heads.flatMap((h) => {
    const r = h.getBoundingClientRect();
    return [r.top + scrollY - box.bottom, r.bottom + scrollY - box.top];
  })];
  const ys = [...new Set(places.flatMap((p) => [Math.floor(p) - 1, Math.ceil(p) + 1]).concat(0))]
    .filter((y) => y >= 0 && y < foot).sort((a, b) => b - a);
  const under = () => heads.filter((h) => hit(h.getBoundingClientRect(), button.getBoundingClientRect()))
    .map((h) => h.id || h.textContent.trim());
  const stops = [{y: foot, shown: !button.hidden, under: under(), heard: true}];
  for (const y of ys) {
    const heard = scrolled();
    window.scrollTo({top: y, behavior: 'instant'});
    stops.push({heard: await heard, y: scrollY, shown: !button.hidden, under: under()});
  }
  return {box: {width: box.width, height: box.height}, stops};
}"""


def way_up(page: Any, levels: str = "h1, h2, h3, h4, h5, h6") -> list[dict[str, Any]]:
    """Each stop on the way up (the foot first, the top last): where it is (``y``), whether the button shows, and
    the headings (of ``levels``) under its place (``under``), whether it shows or stands aside."""
    seen = page.evaluate(UP_THE_PAGE, levels)
    assert seen["box"]["width"] > 0 and seen["box"]["height"] > 0, f"the button has no place on screen: {seen['box']}"
    stops = seen["stops"]
    assert all(stop["heard"] for stop in stops), "a stop without its scroll event: top.js did not hear it"
    assert stops[-1]["y"] == 0 and len(stops) > 2, stops
    return stops


def shown_share(stops: list[dict[str, Any]]) -> float:
    """The share of the way up, in pixels, where the button shows: what a stop shows holds from the stop above it
    (the last place where something could change lies just above it)."""
    way = stops[0]["y"] - stops[-1]["y"]
    return sum(above["y"] - here["y"] for above, here in pairwise(stops) if here["shown"]) / way
