// The office form's map (Leaflet, from the app's own files): tapping places the point, the circle shows the radius,
// and typed coordinates move them. Without this script, or without tiles, the typed fields are the whole form.
(function () {
  var box = document.getElementById('map');
  if (!box || !window.L) { return; }
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var radius = document.getElementById('radiusMetres');
  function read(input) {
    var value = parseFloat((input.value || '').replace(',', '.').replace('\u2212', '-'));
    return isNaN(value) ? null : value;
  }
  box.hidden = false;
  var hint = document.getElementById('map-hint');
  if (hint) { hint.hidden = false; }
  var map = L.map(box);
  L.tileLayer(box.getAttribute('data-tiles'), {
    maxZoom: 19, attribution: box.getAttribute('data-attribution') || ''
  }).addTo(map);
  document.querySelectorAll('#offices .office').forEach(function (office) {
    L.circle([+office.getAttribute('data-lat'), +office.getAttribute('data-lon')],
      { radius: +office.getAttribute('data-radius'), color: '#5f6b7a', weight: 1 })
      .bindTooltip(office.getAttribute('data-name')).addTo(map);
  });
  var point = null;
  var circle = null;
  function draw(center) {
    var metres = read(radius) || 100;
    if (!point) {
      point = L.circleMarker(center, { radius: 6, color: '#0b4f6c' }).addTo(map);
      circle = L.circle(center, { radius: metres, color: '#0b4f6c' }).addTo(map);
    } else {
      point.setLatLng(center);
      circle.setLatLng(center);
      circle.setRadius(metres);
    }
  }
  var start = read(lat) !== null && read(lon) !== null ? [read(lat), read(lon)] : null;
  if (start) {
    draw(start);
    map.setView(start, 16);
  } else {
    var first = document.querySelector('#offices .office');
    map.setView(first ? [+first.getAttribute('data-lat'), +first.getAttribute('data-lon')] : [-2.5, 118], first ? 14 : 5);
  }
  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
    draw(e.latlng);
  });
  function typed() {
    if (read(lat) !== null && read(lon) !== null) {
      draw([read(lat), read(lon)]);
      map.panTo([read(lat), read(lon)]);
    }
  }
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);
  radius.addEventListener('input', function () { if (circle && read(radius)) { circle.setRadius(read(radius)); } });
})();
