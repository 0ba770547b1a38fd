/**
 * Behaviour differences a user must review, one sentence each. They are attached to the
 * sites where they apply (SPEC §4: "reported per site, not hidden").
 */
export const NOTES = {
  silkBecomesAac:
    'the recording is now an aac file, not silk: review code that uploads, transcodes or checks the extension of the file',
  stopWhileIdleRaisesError:
    "stop() while nothing records raises onError ('operateRecorder:fail:audio is stop...'), where stopRecord() was silent: the listeners a converted start registers ignore it, any other onError listener sees it",
  taroStopOnH5:
    'on Taro platforms without getRecorderManager (H5) this stop() now throws, where stopRecord() called fail: guard it if the file is built for those platforms',
  otherHostUnverified: (host: string) =>
    `${host} is migrated with WeChat's recorder facts (listeners replace each other, the 'audio is stop' and 'operateRecorder:fail' texts): check them on a ${host} device`,
  errorTextChanges:
    "error messages now start with 'operateRecorder:fail' instead of 'startRecord:fail'",
  successResultLogged:
    "the result is now { tempFilePath, duration, fileSize } (no errMsg: 'startRecord:ok')",
  durationWasAndroidOnly:
    'the old duration option (seconds) was honoured on Android only; the new limit applies on every platform',
  taroPlatformsWithoutRecorder:
    'on Taro platforms without getRecorderManager (H5) recording now throws when it starts, after the code before it ran, instead of calling fail: guard it if the file is built for those platforms',
  startedElsewhere:
    'this file has no startRecord: the recording it stops is started in another file, which must be converted too (see its entry in this report)',
  promiseRejectionGone:
    'startRecord() without callbacks returned a Promise (base library >= 2.10.2) whose failure surfaced as an unhandled rejection; failures are now ignored: add an onError listener if you relied on it',
  stopHasNoPath:
    "stopRecord's success never received tempFilePath (it was always undefined) and still does not: the file arrives in onStop",
  shimListeners:
    'the shim records through getRecorderManager(): at each start it registers its own onStart/onStop/onError, so listeners that other code registered once (another page) are taken over',
  quickStopMayBeLost:
    'a stop() issued right after start(), before onStart (about 300 ms: a quick tap on hold-to-talk), may be lost on some devices, where stopRecord() stopped it; the recording then runs to its limit (the shim re-issues such a stop)',
  shimStopsOnlyShimRecordings:
    "the shim's stopRecord stops recordings the shim started: if the startRecord it stops lives in another file, that one must be shimmed too (see its entry in this report)",
  listenersAreGlobal:
    'the recorder manager is one global object and each onStop/onError replaces the last: code elsewhere that registers its own listeners (another page) takes them over',
  secondStartReplacesListeners:
    "the callbacks read variables of the call that started the recording: a second start while recording (which fails) now re-registers the listeners, so the running recording ends with the second call's values",
  replacesFileListener: (listeners: string) =>
    `this file registers recorderManager.${listeners} once; each converted start now registers its own listeners, replacing those for the rest of the page's life (they served no recording of this file: nothing here calls the manager's start())`,
  taroPromiseRejectionGone:
    "on Taro before 3.3.1 this call returned a Promise that rejected on failure even with callbacks, which surfaced as an unhandled rejection (error monitoring, onUnhandledRejection); failures now reach only the callbacks",
  anotherInstanceTakesOver:
    "several instances of this component share the one recorder manager: another instance's start while this one records (which fails) now takes this recording's listeners, so the result reaches that instance; the shim keeps them apart if that can happen",
  stopsManagerRecording: (line: number) =>
    `this file starts the recording with the manager's start() (line ${line}), which the old stopRecord() never stopped (a different recorder): now it does, as the code meant`,
  oldResultRebuilt: (key: string) =>
    key === 'success'
      ? "the success callback reads more of its result than onStop's answers alike: it is called with the old result rebuilt ({ errMsg: 'startRecord:ok', tempFilePath })"
      : `the ${key} callback reads its result's text in ways the new wording would change: it is called with the old text ('startRecord:fail...' from 'operateRecorder:fail...')`,
  shimKeepsPrefixNotWording:
    "the shim hands fail the old prefix ('startRecord:fail'), not the old wording of each error (iOS said 'auth denied' where the recorder says 'auth deny'): this test on the text may answer differently; check it on a device",
  recorderOptionsIgnored: (key: string) =>
    `startRecord ignored the ${key} option, so the recording keeps its defaults and start() does not get it; pass it to start() if it was meant`,
  durationLooksLikeMilliseconds: (value: number) =>
    `duration: ${value} looks like milliseconds, but startRecord read seconds (Android, capped at 600; iOS ignored it): the limit is now 600000 ms; if ${value / 1000} s was meant, write start({ duration: ${value} })`,
  playbackOfAac:
    "this file now records aac files (all or some of its recordings), and no source shows playVoice playing aac: this playback most likely fails until it moves to InnerAudioContext (by hand, or through the shim: run without --no-shim); test it on a device",
  oldSilkFilesDoNotPlay:
    'InnerAudioContext cannot play silk: files recorded before this change, or by app versions that still record silk (voice messages of other users, paths kept in storage), no longer play here; convert them, or keep playVoice for them',
  noSixtySecondCap:
    'playVoice stopped a voice after 60 s unless its duration said otherwise; the player plays the whole file (a recording made with the 60 s limit is never longer)',
  playerPerFile:
    "this file now has a player of its own (one InnerAudioContext): a voice playing on another page is no longer cut by a play here, as playVoice cut it; stop it when that page hides if it matters",
  playVoicePromiseGone:
    'playVoice() without callbacks returned a Promise (base library >= 2.10.2) whose failure surfaced as an unhandled rejection; failures are now ignored: add an onError listener if you relied on it',
  sfcReadLeniently: (reason: string) =>
    `this file does not parse as a Vue single-file component for Vue 3's compiler (${reason}); its <script> blocks were found as a lenient compiler finds them, and everything outside them is left byte for byte`,
  idleStopReachesFileListener: (line: number) =>
    `stop() while nothing records now reaches the onError listener this file registers at line ${line} ('operateRecorder:fail:audio is stop...'), where stopRecord() was silent`,
  stopFailNeverRan:
    "stopRecord's fail callback is gone: stop() has no failure callback, and stopRecord answered 'stopRecord:ok' even with nothing recording (documented for Android; iOS undocumented), so it practically never ran; check it on an iOS device if it mattered",
  awaitWithCallbacks: (host: string) =>
    `with callbacks, ${host}.startRecord returned undefined, so this await went on at once and a failure never reached a catch: the await is gone and the code after it runs right after start(), as it effectively did`,
} as const;
