// graph-memory view: one page, routed by the URL fragment (#map=FOLDER, #map=package:PKG,
// #node=ID, #wu=ID, #find=TEXT), so a URL names a node. Data comes from the view's read-only JSON
// endpoints; the graphs are drawn by Cytoscape.js, which the server serves from its WebJar in the
// jar (lib/cytoscape.min.js, loaded before this file), so nothing comes from another origin. Every
// text from the graph is set with textContent, setAttribute or Cytoscape's data, never parsed as HTML.
'use strict';

const token = new URLSearchParams(location.search).get('t');

function api(name, params) {
  const q = new URLSearchParams(params);
  if (token) q.set('t', token);
  return fetch('/api/' + name + '?' + q.toString(), {credentials: 'same-origin'}).then(r =>
    r.json().then(body => {
      if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
      return body;
    }));
}

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The fragment that opens the page of a node id. */
function hrefOf(id) {
  if (id.startsWith('workflow:work_unit:')) return '#wu=' + encodeURIComponent(id);
  return '#node=' + encodeURIComponent(id);
}

function route() {
  const h = location.hash.slice(1);
  const eq = h.indexOf('=');
  const name = eq < 0 ? h : h.slice(0, eq);
  const arg = eq < 0 ? '' : decodeURIComponent(h.slice(eq + 1));
  const main = document.getElementById('main');
  main.replaceChildren(el('p', {}, 'loading…'));
  main.dataset.state = 'loading';
  const page = {node: nodePage, wu: workUnitPage, find: findPage}[name] || mapPage;
  page(arg, main).then(() => { main.dataset.state = 'ready'; }, err => {
    main.replaceChildren(el('h1', {}, 'could not load this page'), el('p', {class: 'error'}, err.message));
    main.dataset.state = 'error';
  });
}

function stamp(body) {
  const s = document.getElementById('stamp');
  s.textContent = 'indexed commit ' + String(body.indexed_commit || '?').slice(0, 12) + (body.stale ? ' · stale: ' + body.stale_reason : '');
}

function notes(list) {
  const ul = el('ul', {class: 'notes'});
  for (const n of list || []) ul.append(el('li', {}, n));
  return ul;
}

// ---- the package/folder map ----
function mapPage(arg, main) {
  const params = arg.startsWith('package:') ? {package: arg.slice(8)} : {path: arg};
  return api('map', params).then(body => {
    stamp(body);
    const h1 = el('h1', {}, body.title);
    const nav = el('p');
    if (arg.startsWith('package:')) {
      const pkg = arg.slice('package:'.length);
      const up = pkg.includes('.') ? 'package:' + pkg.slice(0, pkg.lastIndexOf('.')) : '';
      nav.append(el('a', {href: '#map=' + encodeURIComponent(up)}, '↑ ' + (up ? up.slice(8) : 'the whole repository')));
    } else if (arg) {
      const up = arg.includes('/') ? arg.slice(0, arg.lastIndexOf('/')) : '';
      nav.append(el('a', {href: '#map=' + encodeURIComponent(up)}, '↑ ' + (up || 'the whole repository')));
    }
    const folds = foldable(body);
    const legend = el('p', {class: 'legend'});
    for (const [cls, text] of [['l-folder', 'folder or package (click: open ' + (folds ? 'in place' : 'its map') + ')'],
      ['l-module', 'module (click: its page)'],
      ['l-gap', 'holds integration gaps (' + body.gap_total + ' in the repository)'], ['l-cycle', 'import on a cycle']]) {
      const s = el('span'); s.append(el('i', {class: cls}), document.createTextNode(text)); legend.append(s);
    }
    const drawing = folds ? foldingMap(body) : fixedGraph(body, n => {
      if (n.kind === 'folder') return '#map=' + encodeURIComponent(n.id.slice('folder:'.length));
      if (n.kind === 'package') return '#map=' + encodeURIComponent('package:' + n.id.slice('package:'.length));
      return n.kind === 'more' ? null : hrefOf(n.id);
    }, 'layered');
    main.replaceChildren(h1, nav, legend, notes(body.notes), drawing.el, drawing.list);
    drawing.start();
  });
}

/** Whether the map can open and close its folders in place: it carries its modules, and no box stands for "N more". */
function foldable(body) {
  return !!body.tree && !body.nodes.some(n => n.kind === 'more');
}

/**
 * A map whose folders open and close in place. The server's boxes are where it starts; the boxes and
 * arrows after each click are counted here from the answer's modules and imports (body.tree): a
 * closed folder stands for the modules under it but those of a closed folder deeper down, as the
 * server folds them; an open folder is named in the row of buttons above the drawing that close it.
 */
function foldingMap(body) {
  const t = body.tree, sep = t.separator, kind = t.kind, mods = t.modules;
  const parent = p => { const i = p.lastIndexOf(sep); return i < 0 ? '' : p.slice(0, i); };
  const kids = new Map(), direct = new Map();
  const folder = f => { if (!kids.has(f)) { kids.set(f, new Set()); direct.set(f, []); } };
  folder(t.scope);
  mods.forEach((m, i) => {
    folder(m.place);
    direct.get(m.place).push(i);
    for (let p = m.place; p !== t.scope && p !== ''; p = parent(p)) { folder(parent(p)); kids.get(parent(p)).add(p); }
  });
  // A folder worth a frame: it holds modules of its own or more than one folder (a chain of lone folders is one step).
  const branches = f => direct.get(f).length > 0 || kids.get(f).size > 1;
  const serverLabel = new Map(body.nodes.map(n => [n.id, n]));
  const closed = new Set(body.nodes.filter(n => n.kind === kind).map(n => n.id.slice(kind.length + 1)));
  // Folders opened by a click: what they hold is drawn even when a closed folder above them stands for the rest.
  const opened = new Set();
  const relative = (f, base) => base === '' ? f : f.slice(base.length + 1);
  const boxId = f => kind + ':' + f;

  function layout() {
    const boxes = [], frames = [], owner = new Array(mods.length);
    const walk = (f, frame, base, closedOwner) => {
      let own = closedOwner, inner = frame, innerBase = base;
      if (closed.has(f)) {
        own = boxId(f);
        boxes.push({id: own, place: f, kind, parent: frame, base, gaps: 0, count: 0});
      } else if (opened.has(f)) {
        own = null;
      }
      if (!own && f !== t.scope && branches(f)) {
        inner = 'open:' + f; innerBase = f;
        frames.push({id: inner, place: f, parent: frame, base, count: 0});
      }
      for (const i of direct.get(f)) {
        if (own) { owner[i] = own; continue; }
        owner[i] = mods[i].id;
        boxes.push({id: mods[i].id, kind: 'module', parent: inner, gaps: mods[i].gaps, count: 1, module: mods[i]});
      }
      for (const c of [...kids.get(f)].sort()) walk(c, inner, innerBase, own);
    };
    walk(t.scope, null, t.scope, null);
    const byId = new Map(boxes.map(b => [b.id, b]));
    mods.forEach((m, i) => { const b = byId.get(owner[i]); if (b && b.kind !== 'module') { b.count++; b.gaps += m.gaps; } });
    // What each open folder holds; one that holds everything drawn says nothing and is left out.
    const frameOf = new Map(frames.map(f => [f.id, f]));
    frames.forEach(f => { f.holds = []; });
    for (const b of boxes) for (let p = b.parent; p; p = frameOf.get(p).parent) frameOf.get(p).holds.push(b.id);
    const kept = frames.filter(f => f.holds.length < boxes.length);
    const counts = new Map();
    for (const [a, b] of t.imports) {
      const from = owner[a], to = owner[b];
      if (!from || !to || from === to) continue;
      const k = from + '\u0000' + to;
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    const edges = [...counts].map(([k, w]) => {
      const [from, to] = k.split('\u0000');
      return {from, to, weight: w, label: w > 1 ? String(w) : ''};
    });
    markCycles(boxes.map(b => b.id), edges);
    const nodes = boxes.map(b => ({
      id: b.id, kind: b.kind, gaps: b.gaps,
      label: serverLabel.has(b.id) ? serverLabel.get(b.id).label
        : b.module ? b.module.label : tail(relative(b.place, b.base), 30) + (sep === '/' ? '/' : '') + ' (' + b.count + ')'}));
    const frameNodes = kept.map(f => ({id: f.id, kind: 'open', holds: f.holds, label: tail(relative(f.place, t.scope), 40) + (sep === '/' ? '/' : '')}));
    return {nodes, frames: frameNodes, edges, openName: kind === 'package' ? 'packages' : 'folders'};
  }

  function open(f) {
    // One level at a time; a folder that would open onto one lone folder opens that too.
    for (let at = f; at !== null;) {
      closed.delete(at);
      opened.add(at);
      const next = [];
      for (const c of kids.get(at)) {
        let d = c;
        while (!branches(d) && kids.get(d).size === 1) d = [...kids.get(d)][0];
        closed.add(d);
        next.push(d);
      }
      at = direct.get(at).length === 0 && next.length === 1 ? next[0] : null;
    }
  }

  function close(f) {
    const within = c => c === f || c.startsWith(f + sep) || f === '';
    for (const c of [...closed]) if (within(c)) closed.delete(c);
    for (const c of [...opened]) if (within(c)) opened.delete(c);
    closed.add(f);
  }

  const g = graphView(layout(), n => {
    if (n.kind === 'module') return {href: hrefOf(n.id)};
    if (n.kind === kind) { const f = n.id.slice(kind.length + 1); return {toggle: () => open(f), own: '#map=' + encodeURIComponent(kind === 'package' ? 'package:' + f : f)}; }
    if (n.kind === 'open') { const f = n.id.slice('open:'.length); return {toggle: () => close(f)}; }
    return {};
  }, 'layered', layout);
  return g;
}

/** The end of a long name, which tells folders apart better than its start. */
function tail(name, max) {
  return name.length > max ? '…' + name.slice(name.length - max + 1) : name;
}

/** Marks the arrows that lie on an import cycle: both ends in one strongly connected component (Tarjan). */
function markCycles(ids, edges) {
  const out = new Map(ids.map(id => [id, []]));
  for (const e of edges) if (out.has(e.from)) out.get(e.from).push(e.to);
  const index = new Map(), low = new Map(), comp = new Map(), stack = [], on = new Set();
  let next = 0, c = 0;
  const visit = v => {
    index.set(v, next); low.set(v, next); next++; stack.push(v); on.add(v);
    for (const w of out.get(v) || []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      for (let w; w !== v;) { w = stack.pop(); on.delete(w); comp.set(w, c); }
      c++;
    }
  };
  ids.forEach(v => { if (!index.has(v)) visit(v); });
  for (const e of edges) e.cycle = comp.has(e.from) && comp.get(e.from) === comp.get(e.to);
}

// ---- a node's page (a module's sections) ----
function nodePage(id, main) {
  return api('node', {id}).then(body => {
    stamp(body);
    const parts = [el('h1', {'data-node': body.node}, body.node)];
    if (body.node.startsWith('architecture:module:')) {
      const path = body.node.slice('architecture:module:'.length);
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      parts.push(el('p', {}, '').appendChild(el('a', {href: '#map=' + encodeURIComponent(folder)}, 'its folder on the map')).parentNode);
    }
    for (const s of body.sections) parts.push(...section(s.title + ' (' + s.total + (s.more ? ', first ' + s.rows.length + ' shown' : '') + ')', s.rows));
    main.replaceChildren(...parts);
  });
}

function section(title, rows) {
  const ul = el('ul', {class: 'rows'});
  for (const r of rows) {
    const li = el('li', {'data-id': r.id});
    li.append(el('a', {href: hrefOf(r.id)}, r.id));
    const extra = r.title || (r.via ? r.via.join(' ') : '');
    if (extra) li.append(el('span', {class: 'via'}, extra));
    ul.append(li);
  }
  if (!rows.length) ul.append(el('li', {class: 'none'}, 'none'));
  return [el('h2', {}, title), ul];
}

// ---- a work unit's page ----
function workUnitPage(id, main) {
  return api('work_unit', {id}).then(body => {
    stamp(body);
    const focus = body.nodes.find(n => n.focus) || {id: body.focus};
    const drawing = fixedGraph(body, n => n.kind === 'more' || n.focus ? null : hrefOf(n.id), 'concentric');
    const parts = [el('h1', {'data-node': focus.id}, focus.id), notes(body.notes), drawing.el, drawing.list];
    const dup = new Set(body.edges.filter(e => e.dashed).map(e => e.to === focus.id ? e.from : e.to));
    const groups = [['files', k => ['module', 'class', 'function', 'cli_entry', 'build_module', 'test'].includes(k)],
      ['bugs', k => k === 'bug' || k === 'finding'], ['decisions', k => k === 'adr' || k === 'anti_pattern'],
      ['commits', k => k === 'commit'], ['work units', k => k === 'work_unit' || k === 'session']];
    for (const [title, test] of groups) {
      const rows = body.nodes.filter(n => !n.focus && !dup.has(n.id) && test(n.kind)).map(n => ({id: n.id, title: n.label}));
      parts.push(...section(title + ' (' + rows.length + ')', rows));
    }
    parts.push(...section('duplicate candidates (' + dup.size + ')', [...dup].map(d => ({id: d}))));
    main.replaceChildren(...parts);
    drawing.start();
  });
}

// ---- search ----
function findPage(q, main) {
  document.getElementById('q').value = q;
  return api('find', {q}).then(body => {
    stamp(body);
    main.replaceChildren(el('h1', {}, 'ids and titles containing "' + q + '" (' + body.total + ')'),
      ...section('first matches of each type', body.rows));
  });
}

// ---- the drawing: Cytoscape.js (served from the jar, lib/cytoscape.min.js) ----
const GRAPH_STYLE = [
  {selector: 'node', style: {
    shape: 'round-rectangle', width: n => boxWidth(n.data('label')), height: 26, label: 'data(label)',
    'font-family': 'system-ui, sans-serif', 'font-size': 12, color: '#1f2328', 'text-valign': 'center', 'text-halign': 'center',
    'text-wrap': 'ellipsis', 'text-max-width': n => boxWidth(n.data('label')) - 6,
    'background-color': '#e8f0fe', 'border-width': 1, 'border-color': '#6e7781'}},
  {selector: 'node.kind-folder, node.kind-package', style: {'background-color': '#dbe7fb', 'border-color': '#0969da'}},
  {selector: 'node.kind-work_unit', style: {'background-color': '#fff4d6'}},
  {selector: 'node.kind-commit', style: {'background-color': '#f0f0f0'}},
  {selector: 'node.kind-bug, node.kind-finding', style: {'background-color': '#fde2e1'}},
  {selector: 'node.kind-adr, node.kind-anti_pattern', style: {'background-color': '#efe6fb'}},
  {selector: 'node.kind-more', style: {'background-color': '#fff', 'border-style': 'dashed'}},
  {selector: 'node.gap', style: {'background-color': '#ffb74d', 'border-color': '#e65100', 'border-width': 2}},
  {selector: 'node.focus', style: {'border-color': '#1f2328', 'border-width': 3}},
  {selector: 'node.held', style: {'border-color': '#0969da', 'border-width': 3}},
  {selector: 'edge', style: {
    width: e => 1 + Math.min(2, Math.log2(e.data('weight') || 1) / 3), 'curve-style': 'bezier',
    'line-color': '#8c959f', 'target-arrow-color': '#8c959f', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
    label: 'data(label)', 'font-size': 11, color: '#57606a', 'text-background-color': '#fff', 'text-background-opacity': 0.85,
    'text-background-padding': 1}},
  {selector: 'edge.cycle', style: {'line-color': '#d1242f', 'target-arrow-color': '#d1242f', color: '#d1242f'}},
  {selector: 'edge.dashed', style: {'line-style': 'dashed'}},
];

function boxWidth(label) {
  return Math.min(280, 18 + 7.4 * String(label || '').length);
}

const ROW = 72;

/** The layouts, each run by Cytoscape on a drawing's graph; box is the drawing's container. */
const LAYOUTS = {
  // Layers, whoever imports above what it imports: Cytoscape's breadth-first layout, directed, each box
  // pushed below all its importers ("maximal"). That needs a graph without cycles, so the arrows on a
  // cycle (red) are out while it runs. The box grows with the layers so that labels stay readable.
  layered(cy, box) {
    const cycles = cy.edges('.cycle').remove();
    const width = Math.max(600, box.clientWidth - 40);
    const run = w => cy.layout({name: 'breadthfirst', directed: true, maximal: true, acyclic: true, animate: false, fit: false,
      boundingBox: {x1: 0, y1: 0, w, h: 1000}, avoidOverlap: false, spacingFactor: 1,
      // Each layer in id order, so the boxes of one folder sit side by side. (Cytoscape 3.33's own order
      // fails on the empty places that "maximal" leaves in a layer, which it passes as null.)
      depthSort: (a, b) => (a == null || b == null) ? (a == null) - (b == null) : a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0}).run();
    const layersOf = () => {
      const layers = new Map();
      cy.nodes().forEach(n => {
        const y = Math.round(n.position('y'));
        if (!layers.has(y)) layers.set(y, []);
        layers.get(y).push(n);
      });
      return layers;
    };
    // As wide as the widest layer needs (a small map stays compact), at most the box.
    run(width);
    const needed = Math.max(...[...layersOf().values()].map(l => l.reduce((sum, n) => sum + boxWidth(n.data('label')) + 40, 0)));
    if (needed < width) run(Math.max(300, needed));
    cycles.restore();
    // A layer wider than the box is cut into rows (in its order), each spread as breadthfirst spreads a layer;
    // the layers then stack one row height apart.
    const layers = layersOf();
    let row = 0;
    for (const y of [...layers.keys()].sort((p, q) => p - q)) {
      const layer = layers.get(y).sort((p, q) => p.position('x') - q.position('x'));
      const rows = [[]];
      let used = 0;
      for (const n of layer) {
        const w = boxWidth(n.data('label')) + 24;
        if (used + w > width && rows[rows.length - 1].length) { rows.push([]); used = 0; }
        rows[rows.length - 1].push(n);
        used += w;
      }
      for (const r of rows) {
        const half = n => boxWidth(n.data('label')) / 2;
        const xs = r.map((n, i) => rows.length > 1 ? width * (i + 1) / (r.length + 1) : n.position('x'));
        // breadthfirst spaces centres evenly, so a wide box can cover its neighbour: push apart, then back into the box.
        for (let i = 1; i < r.length; i++) xs[i] = Math.max(xs[i], xs[i - 1] + half(r[i - 1]) + half(r[i]) + 16);
        const over = r.length ? xs[r.length - 1] + half(r[r.length - 1]) - width : 0;
        r.forEach((n, i) => n.position({x: xs[i] - Math.max(0, over), y: row * ROW}));
        row++;
      }
    }
    box.style.height = Math.max(300, Math.min(2400, row * ROW + 40)) + 'px';
    cy.resize();
    cy.fit(undefined, 20);
    if (cy.zoom() > 1) { cy.zoom(1); cy.center(); }
  },
  // The focus in the middle, what it touches around it.
  concentric(cy) {
    cy.layout({name: 'concentric', animate: false, fit: true, padding: 24, avoidOverlap: true, minNodeSpacing: 14,
      concentric: n => (n.data('focus') ? 2 : 1), levelWidth: () => 1}).run();
    if (cy.zoom() > 1) { cy.zoom(1); cy.center(); }
  },
};

/** A drawing of a fixed set of boxes and arrows (a work unit, or a map that cannot fold in place). */
function fixedGraph(body, linkOf, layout) {
  const model = {nodes: body.nodes, frames: [], edges: body.edges.filter(e => e.from !== e.to)};
  return graphView(model, n => { const href = linkOf(n); return href ? {href} : {}; }, layout, null);
}

/**
 * Draws a model ({nodes, frames, edges}) with Cytoscape, the open folders (frames) as a row of
 * buttons above it that close them, and below it the same boxes as a list (a canvas is out of reach of
 * the keyboard, screen readers and find-in-page). actionOf(node) says what a click does: {href} goes to
 * a page, {toggle} changes the model in place, after which remodel() gives the new one.
 * Returns {el, list, start}: start() once el is in the page, since Cytoscape measures its container.
 */
function graphView(model, actionOf, layout, remodel) {
  const box = el('div', {class: 'graph'});
  const bar = el('p', {class: 'open-folders'});
  const list = el('details', {class: 'drawn'});
  let cy = null;
  const act = n => actionOf(n) || {};

  const elements = m => [
    ...m.nodes.map(n => ({group: 'nodes', data: {id: n.id, label: n.label, kind: n.kind, focus: !!n.focus},
      classes: ['kind-' + n.kind, n.gaps ? 'gap' : '', n.focus ? 'focus' : '', act(n).href || act(n).toggle ? 'link' : ''].join(' ')})),
    ...m.edges.map((e, i) => ({group: 'edges', data: {id: 'e' + i, source: e.from, target: e.to, label: e.label || '', weight: e.weight || 1},
      classes: (e.cycle ? 'cycle' : '') + (e.dashed ? ' dashed' : '')})),
  ];

  function button(text, onClick, attrs) {
    const b = el('button', Object.assign({type: 'button'}, attrs || {}), text);
    b.addEventListener('click', onClick);
    return b;
  }

  function describe(m) {
    box.dataset.nodes = m.nodes.length;
    box.dataset.edges = m.edges.length;
    box.dataset.frames = m.frames.length;
    bar.replaceChildren();
    if (m.frames.length) {
      bar.append(document.createTextNode('open ' + (m.openName || 'folders') + ' (click to close): '));
      for (const f of m.frames) {
        const b = button(f.label + ' ✕', () => toggle(act(f)), {'data-frame': f.id, title: 'close ' + f.id.slice(5) + ' into one box'});
        b.addEventListener('mouseenter', () => cy && cy.nodes().filter(n => (f.holds || []).includes(n.id())).addClass('held'));
        b.addEventListener('mouseleave', () => cy && cy.nodes().removeClass('held'));
        bar.append(b, document.createTextNode(' '));
      }
    }
    const ul = el('ul', {class: 'rows'});
    for (const n of m.nodes) {
      const a = act(n);
      const li = el('li', {'data-drawn': n.id, 'data-kind': n.kind, 'data-gaps': n.gaps || 0});
      li.append(a.href ? el('a', {href: a.href}, n.id) : document.createTextNode(n.id));
      if (n.gaps) li.append(el('span', {class: 'via'}, n.gaps + ' integration gap(s)'));
      if (a.toggle) li.append(document.createTextNode(' '), button('open here', () => toggle(a)));
      if (a.own) li.append(document.createTextNode(' '), el('a', {href: a.own}, 'its own map'));
      ul.append(li);
    }
    list.replaceChildren(el('summary', {}, 'the drawing as a list: ' + m.nodes.length + ' boxes, ' + m.edges.length + ' arrows'), ul);
  }

  function toggle(action) {
    action.toggle();
    model = remodel();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements(model));
    });
    describe(model);
    LAYOUTS[layout](cy, box);
  }

  function start() {
    cy = cytoscape({container: box, elements: elements(model), style: GRAPH_STYLE,
      minZoom: 0.1, maxZoom: 3, boxSelectionEnabled: false, autounselectify: true});
    LAYOUTS[layout](cy, box);
    // For the console and the browser test: the drawing as Cytoscape holds it.
    window.viewGraph = cy;
    cy.on('tap', 'node', ev => {
      const n = model.nodes.find(x => x.id === ev.target.id()), a = n ? act(n) : {};
      if (a.toggle) toggle(a);
      else if (a.href) location.hash = a.href.slice(1);
    });
    cy.on('mouseover', 'node.link', () => { box.style.cursor = 'pointer'; });
    cy.on('mouseout', 'node', () => { box.style.cursor = ''; });
  }

  describe(model);
  const wrap = el('div', {class: 'drawing'});
  wrap.append(bar, box);
  return {el: wrap, list, start};
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = 'find=' + encodeURIComponent(q);
});
window.addEventListener('hashchange', route);
route();
