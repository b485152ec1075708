// Runs the tap suite against tf.js 2.x ('tfjs2').
import * as tf from 'tfjs2';
import { tapSuite } from './tap-suite';

tapSuite('tf.js ' + tf.version.tfjs, tf);
