/* netmap map page: builds the vis-network from the JSON data island, the legend and the search.
 * Every text from the data is set with textContent or handed to vis-network as a string, which
 * vis-network 9 shows as plain text (innerText): nothing from the data is parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("netmap-data").textContent);
  var N = data.nodes;
  var E = data.edges;
  var X = data.extra;
  var text = data.text;
  var INK = "#1f2328";
  var MARKS = {
    highlight: { borderWidth: 4, border: INK },
    removed: { borderWidth: 2, border: "#6e7781", background: "#ffffff", dashes: [4, 3] },
    cut_off: { borderWidth: 4, border: "#cf222e" },
    suggested: { colour: "#d95f02" }
  };
  var MARK_NAMES = [null, "highlight", "removed", "cut_off"];
  var MISSING = "#d0d7de";

  function colourOf(i) {
    var c = N.colour[i];
    return c < 0 ? MISSING : data.colours[c];
  }

  // Long names (collaboration titles) are cut on the map; tooltips and search have them whole.
  var LABEL_LENGTH = 40;

  function shorten(label) {
    return label.length > LABEL_LENGTH ? label.slice(0, LABEL_LENGTH - 1).trimEnd() + "…" : label;
  }

  function nodeItem(i) {
    var fill = colourOf(i);
    var mark = MARKS[MARK_NAMES[N.mark[i]]];
    var border = mark ? mark.border : data.large ? fill : "#ffffff";
    var background = mark && mark.background ? mark.background : fill;
    var item = {
      id: i,
      nid: N.nid[i],
      label: shorten(N.label[i]),
      title: N.title[i],
      x: N.x[i],
      y: N.y[i],
      value: N.value[i],
      borderWidth: mark ? mark.borderWidth : 1,
      color: {
        background: background,
        border: border,
        highlight: { background: background, border: INK },
        hover: { background: background, border: INK }
      }
    };
    if (mark && mark.dashes) {
      item.shapeProperties = { borderDashes: mark.dashes };
    }
    return item;
  }

  var nodeItems = new Array(N.nid.length);
  for (var i = 0; i < nodeItems.length; i++) {
    nodeItems[i] = nodeItem(i);
  }
  function edgeItem(id, a, b, w) {
    return {
      id: id,
      from: a,
      to: b,
      value: w,
      title: N.label[a] + " – " + N.label[b] + "\n" + text.weight + ": " + w
    };
  }

  var edgeItems = new Array(E.from.length);
  for (var k = 0; k < edgeItems.length; k++) {
    edgeItems[k] = edgeItem(k, E.from[k], E.to[k], E.weight[k]);
  }
  var suggested = data.suggested;
  for (var s = 0; s < suggested.length; s++) {
    var u = suggested[s][0];
    var v = suggested[s][1];
    var c = MARKS.suggested.colour;
    edgeItems.push({
      id: "s" + s,
      from: u,
      to: v,
      dashes: [8, 6],
      width: 3,
      color: { color: c, highlight: c, hover: c, opacity: 1 },
      title: N.label[u] + " – " + N.label[v] + "\n" + text.suggested
    });
  }

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 0 },
    physics: data.physics
      ? {
          enabled: true,
          solver: "forceAtlas2Based",
          forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.3 },
          stabilization: { enabled: true, iterations: 150, fit: false }
        }
      : { enabled: false },
    interaction: {
      hover: true,
      tooltipDelay: 120,
      hideEdgesOnDrag: data.large,
      hideEdgesOnZoom: data.large,
      keyboard: false,
      multiselect: false
    },
    nodes: {
      shape: "dot",
      scaling: {
        min: 6,
        max: 34,
        label: { enabled: true, min: 12, max: 20, maxVisible: 20, drawThreshold: 7 }
      },
      font: { face: "system-ui, Arial, sans-serif", color: INK, strokeWidth: 3, strokeColor: "#ffffff" }
    },
    edges: {
      smooth: false,
      color: { color: "#8c959f", highlight: INK, hover: INK, opacity: 0.45 },
      scaling: { min: 1, max: 7, label: { enabled: false } },
      selectionWidth: 1.5,
      hoverWidth: 1
    }
  };

  var network = new vis.Network(document.getElementById("netmap-network"), { nodes: nodes, edges: edges }, options);
  window.network = network;
  network.once("afterDrawing", function () {
    window.netmapDrawnAt = performance.now();
  });

  // ------------------------------------------------------------ neighbourhood of a selection
  // Drawn over the network after each frame: a veil fades everything, then the selected actor,
  // its contacts and all their ties (including ties large maps do not draw at once) are drawn
  // again on top. Nothing in the DataSets changes, so a selection costs one redraw.
  var ties = null;

  function tiesOf(id) {
    if (ties === null) {
      ties = new Map();
      [E, X].forEach(function (list) {
        for (var t = 0; t < list.from.length; t++) {
          [[list.from[t], list.to[t]], [list.to[t], list.from[t]]].forEach(function (pair) {
            if (!ties.has(pair[0])) {
              ties.set(pair[0], []);
            }
            ties.get(pair[0]).push([pair[1], list.weight[t]]);
          });
        }
      });
    }
    return ties.get(id) || [];
  }

  var lowWeight = Infinity;
  var highWeight = -Infinity;
  [E.weight, X.weight].forEach(function (weights) {
    weights.forEach(function (w) {
      lowWeight = Math.min(lowWeight, w);
      highWeight = Math.max(highWeight, w);
    });
  });
  var weightSpan = Math.max(highWeight - lowWeight, 1e-9);
  window.netmapFocus = null;

  function focusOn(id) {
    var around = tiesOf(id);
    window.netmapFocus = { node: id, neighbours: around.map(function (t) { return t[0]; }) };
    network.redraw();
  }

  function clearFocus() {
    window.netmapFocus = null;
    network.redraw();
  }

  var FOCUS_LABELS = 25; // contacts named around a selection, the largest first

  function drawNode(ctx, n, scale, emphasis, named) {
    var body = network.body.nodes[n];
    var radius = body.options.size;
    ctx.beginPath();
    ctx.arc(body.x, body.y, radius, 0, 2 * Math.PI);
    var colour = nodeItems[n].color;
    ctx.fillStyle = colour.background;
    ctx.fill();
    ctx.lineWidth = (emphasis ? 3 : nodeItems[n].borderWidth) / scale;
    ctx.strokeStyle = emphasis ? INK : colour.border;
    ctx.stroke();
    if (!named) {
      return;
    }
    ctx.font = 13 / scale + "px system-ui, Arial, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.strokeText(N.label[n], body.x, body.y + radius + 3 / scale);
    ctx.fillStyle = INK;
    ctx.fillText(N.label[n], body.x, body.y + radius + 3 / scale);
  }

  network.on("afterDrawing", function (ctx) {
    var focus = window.netmapFocus;
    if (!focus) {
      return;
    }
    var scale = network.getScale();
    var canvas = ctx.canvas;
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    var far = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
    ctx.fillStyle = "rgba(255, 255, 255, 0.82)";
    ctx.fillRect(corner.x, corner.y, far.x - corner.x, far.y - corner.y);
    var centre = network.body.nodes[focus.node];
    ctx.strokeStyle = INK;
    ctx.globalAlpha = 0.7;
    tiesOf(focus.node).forEach(function (t) {
      var other = network.body.nodes[t[0]];
      ctx.beginPath();
      ctx.moveTo(centre.x, centre.y);
      ctx.lineTo(other.x, other.y);
      ctx.lineWidth = (1 + 5 * Math.sqrt((t[1] - lowWeight) / weightSpan)) / scale;
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    var largest = focus.neighbours.slice().sort(function (a, b) {
      return N.value[b] - N.value[a] || a - b;
    });
    var named = new Set(largest.slice(0, FOCUS_LABELS));
    focus.neighbours.forEach(function (n) {
      drawNode(ctx, n, scale, false, named.has(n));
    });
    drawNode(ctx, focus.node, scale, true, true);
  });

  network.on("selectNode", function (params) {
    focusOn(params.nodes[0]);
  });
  network.on("deselectNode", function (params) {
    if (params.nodes.length) {
      focusOn(params.nodes[0]);
    } else {
      clearFocus();
    }
  });

  // ------------------------------------------------------------ search
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = N.label.map(fold);
  var query = document.getElementById("netmap-query");
  var results = document.getElementById("netmap-results");
  query.placeholder = text.search;
  query.setAttribute("aria-label", text.search);

  function choose(id) {
    network.selectNodes([id]);
    focusOn(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
  }

  function matches(q) {
    var starts = [];
    var contains = [];
    for (var n = 0; n < folded.length; n++) {
      var at = folded[n].indexOf(q);
      if (at === 0) {
        starts.push(n);
      } else if (at > 0) {
        contains.push(n);
      }
    }
    var byName = function (x, y) {
      return folded[x] < folded[y] ? -1 : folded[x] > folded[y] ? 1 : x - y;
    };
    return starts.sort(byName).concat(contains.sort(byName)).slice(0, 12);
  }

  function showResults() {
    results.replaceChildren();
    var q = fold(query.value.trim());
    if (!q) {
      return;
    }
    var found = matches(q);
    if (!found.length) {
      var none = document.createElement("li");
      none.className = "netmap-none";
      none.textContent = text.no_match;
      results.appendChild(none);
      return;
    }
    found.forEach(function (n) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = N.label[n];
      button.title = N.title[n];
      button.addEventListener("click", function () {
        choose(n);
      });
      li.appendChild(button);
      results.appendChild(li);
    });
  }

  query.addEventListener("input", showResults);
  query.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = results.querySelector("button");
      if (first) {
        first.click();
      }
    } else if (event.key === "Escape") {
      query.value = "";
      showResults();
    }
  });

  // ------------------------------------------------------------ header and legend
  document.getElementById("netmap-summary").textContent = text.summary;
  var legend = document.getElementById("netmap-legend");

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (content !== undefined) {
      el.textContent = content;
    }
    return el;
  }

  function row(list, swatch, label, count) {
    var li = element("li");
    li.appendChild(swatch);
    li.appendChild(element("span", "", label));
    if (count !== undefined) {
      li.appendChild(element("span", "netmap-count", String(count)));
    }
    list.appendChild(li);
  }

  var L = data.legend;
  if (L.items.length) {
    legend.appendChild(element("h2", "", L.title));
    var list = element("ul");
    L.items.forEach(function (item) {
      var swatch = element("span", "netmap-swatch");
      swatch.style.background = item.colour < 0 ? MISSING : data.colours[item.colour];
      row(list, swatch, item.label, item.count);
    });
    legend.appendChild(list);
  }
  if (L.marks.length) {
    var marks = element("ul");
    L.marks.forEach(function (mark) {
      var style = MARKS[mark.kind];
      var swatch;
      if (mark.kind === "suggested") {
        swatch = element("span", "netmap-line");
      } else {
        swatch = element("span", "netmap-swatch");
        swatch.style.background = style.background || "#ffffff";
        swatch.style.border = (style.borderWidth > 2 ? 3 : 2) + "px " + (style.dashes ? "dashed " : "solid ") + style.border;
      }
      row(marks, swatch, mark.label, mark.count);
    });
    legend.appendChild(marks);
  }
  L.notes.forEach(function (note) {
    legend.appendChild(element("p", "", note));
  });

  // ------------------------------------------------------------ framing
  // Fit the network, leave room for labels at the edges, and keep it clear of the legend.
  function frame() {
    network.fit({ animation: false });
    var scale = network.getScale() * 0.85;
    var centre = network.getViewPosition();
    var shift = legend.offsetWidth / 2 / scale;
    network.moveTo({ position: { x: centre.x - shift, y: centre.y }, scale: scale, animation: false });
  }

  if (data.physics) {
    network.once("stabilizationIterationsDone", frame);
  } else {
    frame();
  }
})();
