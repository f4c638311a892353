/*!
 * Course embed host helper, protocol "course-embed" v1. MIT licence.
 * Include on the page that embeds the course in an iframe:
 *
 *   <iframe id="course" src="https://course.example.org/lessons/goals/" title="講座"></iframe>
 *   <script src="https://course.example.org/embed/host.js"></script>
 *   <script>
 *     CourseEmbed.mount(document.getElementById('course'), {
 *       loadState: () => localStorage.getItem('my-course-state'),   // saved state or null (may return a Promise)
 *       saveState: (state) => localStorage.setItem('my-course-state', state), // omit to not persist
 *       onProgress: (p) => console.log(p.completed, '/', p.total, p.score),
 *       onCompleted: (c) => console.log('completed with', c.score),
 *     });
 *   </script>
 *
 * Messages are accepted only from that iframe's window and the course's origin. See docs/embedding.md.
 */
(function (global) {
  'use strict';
  var PROTOCOL = 'course-embed';
  var VERSION = 1;

  function mount(iframe, options) {
    var opts = options || {};
    // Read lazily: the iframe's src may be set after mount().
    function courseOrigin() {
      return opts.origin || new URL(iframe.src, location.href).origin;
    }
    var persist = typeof opts.saveState === 'function';

    function post(msg) {
      msg.protocol = PROTOCOL;
      msg.version = VERSION;
      if (iframe.contentWindow) iframe.contentWindow.postMessage(msg, courseOrigin());
    }

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== courseOrigin()) return;
      var d = event.data;
      if (!d || typeof d !== 'object' || d.protocol !== PROTOCOL || d.version !== VERSION) return;
      switch (d.type) {
        case 'ready':
          // Every page of the course says hello after it loads: hand over the saved state each time.
          // A failing loadState must not keep the course from saving to the host.
          new Promise(function (resolve) {
            resolve(opts.loadState ? opts.loadState() : null);
          })
            .catch(function () {
              return null;
            })
            .then(function (state) {
              post({ type: 'init', persist: persist, state: typeof state === 'string' ? state : null });
            });
          if (opts.onReady) opts.onReady(d);
          break;
        case 'resize':
          if (opts.autoHeight !== false && typeof d.height === 'number') iframe.style.height = Math.ceil(d.height) + 'px';
          break;
        case 'progress':
          if (opts.onProgress) opts.onProgress(d);
          break;
        case 'completed':
          if (opts.onCompleted) opts.onCompleted(d);
          break;
        case 'state':
          if (persist && typeof d.state === 'string') opts.saveState(d.state);
          break;
      }
    }

    global.addEventListener('message', onMessage);
    return {
      /** Tell the course which reflections the host could not keep (shown to the learner). */
      reportDropped: function (ids) {
        post({ type: 'stored', dropped: ids });
      },
      destroy: function () {
        global.removeEventListener('message', onMessage);
      },
    };
  }

  global.CourseEmbed = { mount: mount, PROTOCOL: PROTOCOL, VERSION: VERSION };
})(window);
