// The rules page: choosing another base fills the new version's form from it at once. Without a script the button
// beside the choice does the same.
(function () {
  'use strict';
  var base = document.getElementById('base');
  if (!base) {
    return;
  }
  base.elements.from.addEventListener('change', function () {
    base.submit();
  });
}());
