// Computed-style checks of medialit's views in one notebook cell (see lab_look.py).
// Called as (cell, want) => {problems, seen}.
(cell, want) => {
  const problems = [];
  const seen = {views: 0, marks: 0, legends: 0, story: 0, clutter: 0, labels: 0, reasons: 0,
                styleBlocks: cell.querySelectorAll('.jp-OutputArea-output style').length};
  const css = (el) => getComputedStyle(el);
  const name = (el) => (el.className || el.tagName) + ' "' + (el.textContent || '').slice(0, 40) + '"';
  for (const block of cell.querySelectorAll('.ml-page .ml-story, .ml-page .ml-headline')) {
    seen.story++;
    const s = css(block);
    if (s.borderLeftStyle !== 'solid' || s.borderLeftWidth !== '4px' || s.borderLeftColor !== want.bar)
      problems.push(`story line without its blue bar (${s.borderLeftWidth} ${s.borderLeftStyle} ${s.borderLeftColor}): ${name(block)}`);
  }
  for (const block of cell.querySelectorAll('.ml-page .ml-clutter')) {
    seen.clutter++;
    if (css(block).backgroundColor !== want.clutter)
      problems.push(`clutter line not greyed (${css(block).backgroundColor}): ${name(block)}`);
  }
  for (const label of cell.querySelectorAll('.ml-label')) {
    seen.labels++;
    const s = css(label);
    if (s.textTransform !== 'uppercase' || parseFloat(s.marginRight) < 4 || !/:\s*$/.test(label.textContent))
      problems.push(`label runs into its line (${s.textTransform}, margin ${s.marginRight}): ${name(label)}`);
  }
  for (const root of cell.querySelectorAll('.ml-hl-root')) {
    seen.views++;
    const legend = root.querySelector('.ml-legend');
    if (!legend) { problems.push('a highlighted article without its legend'); continue; }
    seen.legends++;
    const ls = css(legend);
    if (ls.borderTopStyle !== 'solid' || legend.getBoundingClientRect().height < 20)
      problems.push(`legend is not a framed box (${ls.borderTopStyle})`);
    for (const sample of legend.querySelectorAll('.ml-hl')) {
      const key = [...sample.classList].find(c => c.startsWith('ml-k-')).slice(5);
      if (css(sample).backgroundColor !== want.marks[key].bg)
        problems.push(`legend sample ${key} has background ${css(sample).backgroundColor}`);
    }
    for (const mark of root.querySelectorAll('mark.ml-hl')) {
      seen.marks++;
      const key = [...mark.classList].find(c => c.startsWith('ml-k-')).slice(5);
      const s = css(mark), w = want.marks[key];
      if (s.backgroundColor !== w.bg || s.borderBottomStyle !== w.style || s.borderBottomColor !== w.line)
        problems.push(`${key} mark drawn as ${s.backgroundColor} ${s.borderBottomStyle} ${s.borderBottomColor}, not ${w.bg} ${w.style} ${w.line}: ${name(mark)}`);
    }
    for (const hidden of root.querySelectorAll('.ml-sr')) {
      if (hidden.closest(':focus')) continue;
      const box = hidden.getBoundingClientRect();
      if (box.width > 1 || box.height > 1)
        problems.push(`a hidden explanation is shown inline (${Math.round(box.width)}x${Math.round(box.height)} px): ${name(hidden)}`);
    }
    for (const tag of root.querySelectorAll('mark .ml-tag')) {
      if (css(tag).verticalAlign !== 'super') problems.push(`tag not raised: ${name(tag)}`);
    }
    const refs = root.querySelectorAll('a.ml-ref');
    const reasons = root.querySelectorAll('.ml-why li');
    seen.reasons += reasons.length;
    if (refs.length !== reasons.length)
      problems.push(`${refs.length} tag links but ${reasons.length} reasons under the story`);
    // JupyterLab's sanitizer renames id to data-jupyter-id (against DOM clobbering),
    // and its link handler looks for either.
    const idOf = (el) => el.id || el.dataset.jupyterId;
    const byId = (id) => root.querySelector(`[id="${id}"], [data-jupyter-id="${id}"]`);
    for (const ref of refs) {
      const target = byId(ref.getAttribute('href').slice(1));
      if (!target) problems.push(`tag link ${idOf(ref)} leads nowhere`);
      const back = target && target.querySelector('a.ml-back');
      if (!back || back.getAttribute('href') !== '#' + idOf(ref))
        problems.push(`reason of ${idOf(ref)} does not link back to it`);
    }
  }
  return {problems, seen};
}
