// graph-memory view: one page, routed by the URL fragment (#map=FOLDER, #map=package:PKG,
// #node=ID, #wu=ID, #find=TEXT), so a URL names a node. Data comes from the view's read-only JSON
// endpoints; the graphs are drawn as plain SVG by a small layered layout (no library: none was
// available to vendor from Maven Central). Every text from the graph is set with textContent or
// setAttribute, never parsed as HTML.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
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

function svgEl(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
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
    const legend = el('p', {class: 'legend'});
    for (const [cls, text] of [['l-folder', 'folder or package (click: expand)'], ['l-module', 'module (click: open)'],
      ['l-gap', 'holds integration gaps (' + body.gap_total + ' in the repository)'], ['l-cycle', 'import on a cycle']]) {
      const s = el('span'); s.append(el('i', {class: cls}), document.createTextNode(text)); legend.append(s);
    }
    main.replaceChildren(h1, nav, legend, notes(body.notes), drawGraph(body, n => {
      if (n.kind === 'folder') return '#map=' + encodeURIComponent(n.id.slice('folder:'.length));
      if (n.kind === 'package') return '#map=' + encodeURIComponent('package:' + n.id.slice('package:'.length));
      if (n.kind === 'more') return null;
      return hrefOf(n.id);
    }));
  });
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
    const parts = [el('h1', {'data-node': focus.id}, focus.id), notes(body.notes),
      drawGraph(body, n => n.kind === 'more' || n.focus ? null : hrefOf(n.id))];
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

// ---- the drawing: a layered layout in plain SVG ----
function drawGraph(body, linkOf) {
  const nodes = body.nodes, edges = body.edges.filter(e => e.from !== e.to);
  const byId = new Map(nodes.map(n => [n.id, n]));
  const out = new Map(nodes.map(n => [n.id, []]));
  for (const e of edges) out.get(e.from).push(e.to);
  // Break cycles: an arrow back to a node still on the depth-first path does not give a layer.
  const state = new Map(), back = new Set();
  const visit = id => {
    state.set(id, 1);
    for (const t of out.get(id)) {
      if (state.get(t) === 1) back.add(id + '\u0000' + t);
      else if (!state.has(t)) visit(t);
    }
    state.set(id, 2);
  };
  nodes.forEach(n => { if (!state.has(n.id)) visit(n.id); });
  const forward = edges.filter(e => !back.has(e.from + '\u0000' + e.to));
  // Longest path from the importers: whoever imports sits above what it imports.
  const layer = new Map(nodes.map(n => [n.id, 0]));
  for (let changed = true, i = 0; changed && i < nodes.length; i++) {
    changed = false;
    for (const e of forward) {
      if (layer.get(e.to) < layer.get(e.from) + 1) { layer.set(e.to, layer.get(e.from) + 1); changed = true; }
    }
  }
  const width = n => Math.min(260, 16 + 7 * n.label.length);
  const rows = [];
  nodes.forEach(n => { const l = layer.get(n.id); (rows[l] = rows[l] || []).push(n); });
  const layers = rows.filter(Boolean);
  // Order each layer by the mean place of its neighbours in the layer above, then below (a few sweeps).
  const pos = new Map();
  const place = () => layers.forEach(l => l.forEach((n, i) => pos.set(n.id, i / Math.max(1, l.length - 1))));
  place();
  const nbrs = new Map(nodes.map(n => [n.id, []]));
  for (const e of edges) { nbrs.get(e.from).push(e.to); nbrs.get(e.to).push(e.from); }
  for (let sweep = 0; sweep < 4; sweep++) {
    for (const l of layers) {
      const score = n => { const p = nbrs.get(n.id).map(x => pos.get(x)); return p.length ? p.reduce((a, b) => a + b) / p.length : pos.get(n.id); };
      const s = new Map(l.map(n => [n.id, score(n)]));
      l.sort((a, b) => s.get(a.id) - s.get(b.id) || (a.id < b.id ? -1 : 1));
    }
    place();
  }
  // Wrap a layer wider than the page into several rows.
  const MAXW = 1200, GAP = 14, ROWH = 64, BOXH = 26;
  const xy = new Map();
  let y = 20, widest = 0;
  for (const l of layers) {
    let row = [], rowW = 0;
    const flush = () => {
      let x = 10 + Math.max(0, (MAXW - rowW) / 2);
      for (const n of row) { xy.set(n.id, {x, y, w: width(n)}); x += width(n) + GAP; }
      widest = Math.max(widest, rowW);
      y += ROWH; row = []; rowW = 0;
    };
    for (const n of l) {
      if (row.length && rowW + width(n) > MAXW) flush();
      row.push(n); rowW += width(n) + GAP;
    }
    flush();
  }
  const W = Math.max(MAXW, widest) + 20, H = y;
  const svg = svgEl('svg', {class: 'graph', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H,
    'data-nodes': nodes.length, 'data-edges': edges.length});
  const defs = svgEl('defs');
  for (const [name, cls] of [['arrow', ''], ['arrow-red', 'red']]) {
    const m = svgEl('marker', {id: name, class: cls, viewBox: '0 0 10 10', refX: 10, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse'});
    m.append(svgEl('path', {d: 'M0,0 L10,5 L0,10 z'}));
    defs.append(m);
  }
  svg.append(defs);
  const edgeLayer = svgEl('g', {class: 'edges'}), nodeLayer = svgEl('g', {class: 'nodes'});
  svg.append(edgeLayer, nodeLayer);
  // Spread the arrows' ends along a box's edge, ordered by where the other end lies, so they do not all meet in one point.
  const ends = new Map();
  const endOf = (id, other, side) => {
    const k = id + '\u0000' + side;
    if (!ends.has(k)) ends.set(k, []);
    ends.get(k).push(other);
  };
  const sideOf = e => xy.get(e.to).y >= xy.get(e.from).y;
  for (const e of edges) {
    const down = sideOf(e);
    endOf(e.from, e.to, down ? 'b' : 't');
    endOf(e.to, e.from, down ? 't' : 'b');
  }
  for (const list of ends.values()) list.sort((p, q) => xy.get(p).x - xy.get(q).x);
  const portX = (id, other, side) => {
    const p = xy.get(id), list = ends.get(id + '\u0000' + side);
    return p.x + p.w * (list.indexOf(other) + 1) / (list.length + 1);
  };
  for (const e of edges) {
    const a = xy.get(e.from), b = xy.get(e.to);
    const down = sideOf(e);
    const x1 = portX(e.from, e.to, down ? 'b' : 't'), y1 = down ? a.y + BOXH : a.y;
    const x2 = portX(e.to, e.from, down ? 't' : 'b'), y2 = down ? b.y : b.y + BOXH;
    const bend = b.y === a.y ? 30 : (y2 - y1) / 2;
    const g = svgEl('g', {class: 'edge' + (e.cycle ? ' cycle' : '') + (e.dashed ? ' dashed' : ''), 'data-from': e.from, 'data-to': e.to, 'data-weight': e.weight});
    g.append(svgEl('path', {d: `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`, 'marker-end': e.cycle ? 'url(#arrow-red)' : 'url(#arrow)',
      'stroke-width': (e.cycle ? 1.8 : 1) + Math.min(2, Math.log2(e.weight || 1) / 3)}));
    if (e.label) {
      // The weight sits near the arrow's head, where arrows into one box have spread apart.
      const t = svgEl('text', {x: x1 + (x2 - x1) * 0.8 + 3, y: y1 + (y2 - y1) * 0.8});
      t.textContent = e.label;
      g.append(t);
    }
    edgeLayer.append(g);
  }
  for (const n of nodes) {
    const p = xy.get(n.id), href = linkOf(n);
    const g = svgEl('g', {class: 'node kind-' + n.kind + (n.gaps ? ' gap' : '') + (n.focus ? ' focus' : '') + (href ? ' link' : ''),
      'data-id': n.id, 'data-kind': n.kind, 'data-gaps': n.gaps || 0, transform: `translate(${p.x},${p.y})`});
    const title = svgEl('title'); title.textContent = n.id + (n.gaps ? ' · ' + n.gaps + ' integration gap(s)' : ''); g.append(title);
    g.append(svgEl('rect', {width: p.w, height: BOXH, rx: n.kind === 'module' ? 3 : 8}));
    const t = svgEl('text', {x: 8, y: 17});
    const max = Math.floor((p.w - 16) / 7);
    t.textContent = n.label.length > max ? n.label.slice(0, max - 1) + '…' : n.label;
    g.append(t);
    if (href) g.addEventListener('click', () => { location.hash = href.slice(1); });
    nodeLayer.append(g);
  }
  return svg;
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = 'find=' + encodeURIComponent(q);
});
window.addEventListener('hashchange', route);
route();
