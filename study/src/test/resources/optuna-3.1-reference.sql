PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE studies (
	study_id INTEGER NOT NULL, 
	study_name VARCHAR(512) NOT NULL, 
	PRIMARY KEY (study_id)
);
INSERT INTO studies VALUES(1,'reference');
INSERT INTO studies VALUES(2,'multi');
CREATE TABLE version_info (
	version_info_id INTEGER NOT NULL, 
	schema_version INTEGER, 
	library_version VARCHAR(256), 
	PRIMARY KEY (version_info_id), 
	CHECK (version_info_id=1)
);
INSERT INTO version_info VALUES(1,12,'3.1.0');
CREATE TABLE study_directions (
	study_direction_id INTEGER NOT NULL, 
	direction VARCHAR(8) NOT NULL, 
	study_id INTEGER NOT NULL, 
	objective INTEGER NOT NULL, 
	PRIMARY KEY (study_direction_id), 
	UNIQUE (study_id, objective), 
	FOREIGN KEY(study_id) REFERENCES studies (study_id)
);
INSERT INTO study_directions VALUES(1,'MINIMIZE',1,0);
INSERT INTO study_directions VALUES(2,'MINIMIZE',2,0);
INSERT INTO study_directions VALUES(3,'MAXIMIZE',2,1);
CREATE TABLE study_user_attributes (
	study_user_attribute_id INTEGER NOT NULL, 
	study_id INTEGER, 
	"key" VARCHAR(512), 
	value_json TEXT, 
	PRIMARY KEY (study_user_attribute_id), 
	UNIQUE (study_id, "key"), 
	FOREIGN KEY(study_id) REFERENCES studies (study_id)
);
INSERT INTO study_user_attributes VALUES(1,1,'owner','"paramspace"');
CREATE TABLE study_system_attributes (
	study_system_attribute_id INTEGER NOT NULL, 
	study_id INTEGER, 
	"key" VARCHAR(512), 
	value_json TEXT, 
	PRIMARY KEY (study_system_attribute_id), 
	UNIQUE (study_id, "key"), 
	FOREIGN KEY(study_id) REFERENCES studies (study_id)
);
CREATE TABLE trials (
	trial_id INTEGER NOT NULL, 
	number INTEGER, 
	study_id INTEGER, 
	state VARCHAR(8) NOT NULL, 
	datetime_start DATETIME, 
	datetime_complete DATETIME, 
	PRIMARY KEY (trial_id), 
	FOREIGN KEY(study_id) REFERENCES studies (study_id)
);
INSERT INTO trials VALUES(1,0,1,'COMPLETE','2026-12-01 21:41:56.613840','2026-12-01 21:41:56.684580');
INSERT INTO trials VALUES(2,1,1,'COMPLETE','2026-12-01 21:41:56.694476','2026-12-01 21:41:56.757810');
INSERT INTO trials VALUES(3,2,1,'PRUNED','2026-12-01 21:41:56.763271','2026-12-01 21:41:56.833681');
INSERT INTO trials VALUES(4,3,1,'FAIL','2026-12-01 21:41:56.841250','2026-12-01 21:41:56.909280');
INSERT INTO trials VALUES(5,4,1,'COMPLETE','2026-12-01 21:41:56.915289','2026-12-01 21:41:56.964045');
INSERT INTO trials VALUES(6,5,1,'RUNNING','2026-12-01 21:41:56.969561',NULL);
INSERT INTO trials VALUES(7,0,2,'COMPLETE','2026-12-01 21:41:56.998771','2026-12-01 21:41:56.998771');
CREATE TABLE trial_user_attributes (
	trial_user_attribute_id INTEGER NOT NULL, 
	trial_id INTEGER, 
	"key" VARCHAR(512), 
	value_json TEXT, 
	PRIMARY KEY (trial_user_attribute_id), 
	UNIQUE (trial_id, "key"), 
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id)
);
INSERT INTO trial_user_attributes VALUES(1,1,'config','{"x": 0.5, "opt": "adam"}');
INSERT INTO trial_user_attributes VALUES(2,2,'config','{"x": -0.48942926321369074, "opt": "adam"}');
INSERT INTO trial_user_attributes VALUES(3,3,'config','{"x": 0.912515725704125, "opt": "adam"}');
INSERT INTO trial_user_attributes VALUES(4,4,'config','{"x": -0.7149712163725612, "opt": "adam"}');
INSERT INTO trial_user_attributes VALUES(5,5,'config','{"x": -0.09107480245206956, "opt": "adam"}');
INSERT INTO trial_user_attributes VALUES(6,7,'note','"imported"');
CREATE TABLE trial_system_attributes (
	trial_system_attribute_id INTEGER NOT NULL, 
	trial_id INTEGER, 
	"key" VARCHAR(512), 
	value_json TEXT, 
	PRIMARY KEY (trial_system_attribute_id), 
	UNIQUE (trial_id, "key"), 
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id)
);
INSERT INTO trial_system_attributes VALUES(1,1,'fixed_params','{"x": 0.5}');
CREATE TABLE trial_params (
	param_id INTEGER NOT NULL, 
	trial_id INTEGER, 
	param_name VARCHAR(512), 
	param_value FLOAT, 
	distribution_json TEXT, 
	PRIMARY KEY (param_id), 
	UNIQUE (trial_id, param_name), 
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id)
);
INSERT INTO trial_params VALUES(1,1,'x',0.5,'{"name": "FloatDistribution", "attributes": {"step": null, "low": -1.0, "high": 1.0, "log": false}}');
INSERT INTO trial_params VALUES(2,1,'lr',0.00015494666958408920081,'{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 0.01, "log": true}}');
INSERT INTO trial_params VALUES(3,1,'drop',0.5,'{"name": "FloatDistribution", "attributes": {"step": 0.1, "low": 0.0, "high": 0.5, "log": false}}');
INSERT INTO trial_params VALUES(4,1,'n',1.0,'{"name": "IntDistribution", "attributes": {"log": false, "step": 2, "low": 1, "high": 9}}');
INSERT INTO trial_params VALUES(5,1,'units',71.0,'{"name": "IntDistribution", "attributes": {"log": true, "step": 1, "low": 16, "high": 128}}');
INSERT INTO trial_params VALUES(6,1,'opt',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": ["adam", "sgd"]}}');
INSERT INTO trial_params VALUES(7,1,'flag',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [true, false]}}');
INSERT INTO trial_params VALUES(8,1,'size',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [32, 64]}}');
INSERT INTO trial_params VALUES(9,1,'rate',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [0.5, 1.5]}}');
INSERT INTO trial_params VALUES(10,2,'x',-0.48942926321369073505,'{"name": "FloatDistribution", "attributes": {"step": null, "low": -1.0, "high": 1.0, "log": false}}');
INSERT INTO trial_params VALUES(11,2,'lr',0.0020167293621668074855,'{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 0.01, "log": true}}');
INSERT INTO trial_params VALUES(12,2,'drop',0.4000000000000000222,'{"name": "FloatDistribution", "attributes": {"step": 0.1, "low": 0.0, "high": 0.5, "log": false}}');
INSERT INTO trial_params VALUES(13,2,'n',7.0,'{"name": "IntDistribution", "attributes": {"log": false, "step": 2, "low": 1, "high": 9}}');
INSERT INTO trial_params VALUES(14,2,'units',36.0,'{"name": "IntDistribution", "attributes": {"log": true, "step": 1, "low": 16, "high": 128}}');
INSERT INTO trial_params VALUES(15,2,'opt',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": ["adam", "sgd"]}}');
INSERT INTO trial_params VALUES(16,2,'flag',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [true, false]}}');
INSERT INTO trial_params VALUES(17,2,'size',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [32, 64]}}');
INSERT INTO trial_params VALUES(18,2,'rate',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [0.5, 1.5]}}');
INSERT INTO trial_params VALUES(19,3,'x',0.91251572570412498031,'{"name": "FloatDistribution", "attributes": {"step": null, "low": -1.0, "high": 1.0, "log": false}}');
INSERT INTO trial_params VALUES(20,3,'lr',0.0062103091202795075026,'{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 0.01, "log": true}}');
INSERT INTO trial_params VALUES(21,3,'drop',0.4000000000000000222,'{"name": "FloatDistribution", "attributes": {"step": 0.1, "low": 0.0, "high": 0.5, "log": false}}');
INSERT INTO trial_params VALUES(22,3,'n',7.0,'{"name": "IntDistribution", "attributes": {"log": false, "step": 2, "low": 1, "high": 9}}');
INSERT INTO trial_params VALUES(23,3,'units',99.0,'{"name": "IntDistribution", "attributes": {"log": true, "step": 1, "low": 16, "high": 128}}');
INSERT INTO trial_params VALUES(24,3,'opt',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": ["adam", "sgd"]}}');
INSERT INTO trial_params VALUES(25,3,'flag',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [true, false]}}');
INSERT INTO trial_params VALUES(26,3,'size',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [32, 64]}}');
INSERT INTO trial_params VALUES(27,3,'rate',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [0.5, 1.5]}}');
INSERT INTO trial_params VALUES(28,4,'x',-0.71497121637256122461,'{"name": "FloatDistribution", "attributes": {"step": null, "low": -1.0, "high": 1.0, "log": false}}');
INSERT INTO trial_params VALUES(29,4,'lr',0.0070081147648793969823,'{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 0.01, "log": true}}');
INSERT INTO trial_params VALUES(30,4,'drop',0.10000000000000000555,'{"name": "FloatDistribution", "attributes": {"step": 0.1, "low": 0.0, "high": 0.5, "log": false}}');
INSERT INTO trial_params VALUES(31,4,'n',5.0,'{"name": "IntDistribution", "attributes": {"log": false, "step": 2, "low": 1, "high": 9}}');
INSERT INTO trial_params VALUES(32,4,'units',16.0,'{"name": "IntDistribution", "attributes": {"log": true, "step": 1, "low": 16, "high": 128}}');
INSERT INTO trial_params VALUES(33,4,'opt',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": ["adam", "sgd"]}}');
INSERT INTO trial_params VALUES(34,4,'flag',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [true, false]}}');
INSERT INTO trial_params VALUES(35,4,'size',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [32, 64]}}');
INSERT INTO trial_params VALUES(36,4,'rate',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [0.5, 1.5]}}');
INSERT INTO trial_params VALUES(37,5,'x',-0.091074802452069558711,'{"name": "FloatDistribution", "attributes": {"step": null, "low": -1.0, "high": 1.0, "log": false}}');
INSERT INTO trial_params VALUES(38,5,'lr',0.0035093328310574359654,'{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 0.01, "log": true}}');
INSERT INTO trial_params VALUES(39,5,'drop',0.2000000000000000111,'{"name": "FloatDistribution", "attributes": {"step": 0.1, "low": 0.0, "high": 0.5, "log": false}}');
INSERT INTO trial_params VALUES(40,5,'n',1.0,'{"name": "IntDistribution", "attributes": {"log": false, "step": 2, "low": 1, "high": 9}}');
INSERT INTO trial_params VALUES(41,5,'units',18.0,'{"name": "IntDistribution", "attributes": {"log": true, "step": 1, "low": 16, "high": 128}}');
INSERT INTO trial_params VALUES(42,5,'opt',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": ["adam", "sgd"]}}');
INSERT INTO trial_params VALUES(43,5,'flag',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [true, false]}}');
INSERT INTO trial_params VALUES(44,5,'size',0.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [32, 64]}}');
INSERT INTO trial_params VALUES(45,5,'rate',1.0,'{"name": "CategoricalDistribution", "attributes": {"choices": [0.5, 1.5]}}');
INSERT INTO trial_params VALUES(46,6,'x',0.11991641759879656525,'{"name": "FloatDistribution", "attributes": {"step": null, "low": -1.0, "high": 1.0, "log": false}}');
INSERT INTO trial_params VALUES(47,7,'x',0.25,'{"name": "FloatDistribution", "attributes": {"step": null, "low": 0.0, "high": 1.0, "log": false}}');
CREATE TABLE trial_values (
	trial_value_id INTEGER NOT NULL, 
	trial_id INTEGER NOT NULL, 
	objective INTEGER NOT NULL, 
	value FLOAT, 
	value_type VARCHAR(7) NOT NULL, 
	PRIMARY KEY (trial_value_id), 
	UNIQUE (trial_id, objective), 
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id)
);
INSERT INTO trial_values VALUES(1,1,0,1.25,'FINITE');
INSERT INTO trial_values VALUES(2,2,0,7.2395410036898963923,'FINITE');
INSERT INTO trial_values VALUES(3,5,0,NULL,'INF_POS');
INSERT INTO trial_values VALUES(4,7,0,1.0,'FINITE');
INSERT INTO trial_values VALUES(5,7,1,NULL,'INF_NEG');
CREATE TABLE trial_intermediate_values (
	trial_intermediate_value_id INTEGER NOT NULL, 
	trial_id INTEGER NOT NULL, 
	step INTEGER NOT NULL, 
	intermediate_value FLOAT, 
	intermediate_value_type VARCHAR(7) NOT NULL, 
	PRIMARY KEY (trial_intermediate_value_id), 
	UNIQUE (trial_id, step), 
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id)
);
INSERT INTO trial_intermediate_values VALUES(1,1,0,1.0,'FINITE');
INSERT INTO trial_intermediate_values VALUES(2,1,1,NULL,'INF_POS');
INSERT INTO trial_intermediate_values VALUES(3,1,2,NULL,'INF_NEG');
INSERT INTO trial_intermediate_values VALUES(4,1,3,NULL,'NAN');
INSERT INTO trial_intermediate_values VALUES(5,2,0,1.0,'FINITE');
INSERT INTO trial_intermediate_values VALUES(6,2,1,NULL,'INF_POS');
INSERT INTO trial_intermediate_values VALUES(7,2,2,NULL,'INF_NEG');
INSERT INTO trial_intermediate_values VALUES(8,2,3,NULL,'NAN');
INSERT INTO trial_intermediate_values VALUES(9,3,0,1.0,'FINITE');
INSERT INTO trial_intermediate_values VALUES(10,3,1,NULL,'INF_POS');
INSERT INTO trial_intermediate_values VALUES(11,3,2,NULL,'INF_NEG');
INSERT INTO trial_intermediate_values VALUES(12,3,3,NULL,'NAN');
INSERT INTO trial_intermediate_values VALUES(13,4,0,1.0,'FINITE');
INSERT INTO trial_intermediate_values VALUES(14,4,1,NULL,'INF_POS');
INSERT INTO trial_intermediate_values VALUES(15,4,2,NULL,'INF_NEG');
INSERT INTO trial_intermediate_values VALUES(16,4,3,NULL,'NAN');
INSERT INTO trial_intermediate_values VALUES(17,5,0,1.0,'FINITE');
INSERT INTO trial_intermediate_values VALUES(18,5,1,NULL,'INF_POS');
INSERT INTO trial_intermediate_values VALUES(19,5,2,NULL,'INF_NEG');
INSERT INTO trial_intermediate_values VALUES(20,5,3,NULL,'NAN');
CREATE TABLE trial_heartbeats (
	trial_heartbeat_id INTEGER NOT NULL, 
	trial_id INTEGER NOT NULL, 
	heartbeat DATETIME NOT NULL, 
	PRIMARY KEY (trial_heartbeat_id), 
	UNIQUE (trial_id), 
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id)
);
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version VALUES('v3.0.0.d');
CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name);
COMMIT;
