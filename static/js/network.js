/* Draws the network of organizations with Cytoscape.js in every
   <div class="network-canvas" data-network-url="...">. The data come from the
   site's JSON endpoint (cooperation:partnership-network): {nodes, edges}.
   Without JavaScript the page keeps its table of partners. */
(function () {
  "use strict";

  // Cytoscape adds a <style> element unless one with this id exists; the
  // Content-Security-Policy refuses inline styles, so mark it present and keep
  // the rule it would add ("position: relative") in partnerships.css.
  var SENTINEL = "__________cytoscape_stylesheet";
  if (!document.getElementById(SENTINEL)) {
    var marker = document.createElement("meta");
    marker.id = SENTINEL;
    document.head.appendChild(marker);
  }

  var rootStyle = getComputedStyle(document.documentElement);
  function kindColour(kind) {
    return rootStyle.getPropertyValue("--kind-" + kind).trim() || "#7f7f7f";
  }

  function elements(data) {
    var maxActivity = Math.max.apply(null, data.nodes.map(function (n) { return n.activity; }).concat([1]));
    var maxStrength = Math.max.apply(null, data.edges.map(function (e) { return e.strength; }).concat([1]));
    var nodes = data.nodes.map(function (n) {
      return {
        group: "nodes",
        classes: n.is_centre ? "centre" : "",
        data: {
          id: n.id, label: n.label, name: n.name, url: n.url,
          colour: kindColour(n.kind),
          size: 18 + 42 * Math.sqrt(n.activity / maxActivity)
        }
      };
    });
    var edges = data.edges.map(function (e) {
      return {
        group: "edges",
        data: {
          id: e.source + "--" + e.target, source: e.source, target: e.target, url: e.url,
          width: 1 + 7 * (e.strength / maxStrength)
        }
      };
    });
    return nodes.concat(edges);
  }

  function draw(container, data) {
    if (!data.nodes.length) {
      container.classList.add("is-empty");
      container.textContent = "No partnerships to draw.";
      return;
    }
    var cy = window.cytoscape({
      container: container,
      elements: elements(data),
      wheelSensitivity: 0.3,
      // A network of two or three organizations should not fill the screen.
      maxZoom: 1.6,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
          "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "color": "#222", "text-outline-color": "#fff", "text-outline-width": 2
        } },
        { selector: "node.centre", style: { "border-width": 3, "border-color": "#222" } },
        { selector: "edge", style: {
          "width": "data(width)", "line-color": "#9aa5b1", "curve-style": "bezier", "opacity": 0.8
        } },
        { selector: ":selected", style: { "overlay-opacity": 0.15 } }
      ]
    });
    cy.on("tap", "node, edge", function (event) {
      var url = event.target.data("url");
      if (url) { window.location.assign(url); }
    });
    // Tests and curious readers can reach the graph from the console.
    container.cy = cy;
    // Say "drawn" only once the layout has placed and fitted every node, so a
    // click aimed at a circle finds it there.
    var layout = cy.layout({
      name: "cose", animate: false, fit: true, padding: 30, nodeRepulsion: 9000, idealEdgeLength: 90
    });
    layout.one("layoutstop", function () {
      container.dataset.nodes = String(data.nodes.length);
      container.dataset.edges = String(data.edges.length);
      container.classList.add("is-drawn");
    });
    layout.run();
  }

  function load(container) {
    fetch(container.dataset.networkUrl, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) { draw(container, data); })
      .catch(function () {
        container.classList.add("is-empty");
        container.textContent = "The network could not be loaded; the table lists the same partnerships.";
      });
  }

  function start() {
    if (typeof window.cytoscape !== "function") { return; }
    document.querySelectorAll(".network-canvas[data-network-url]").forEach(load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
